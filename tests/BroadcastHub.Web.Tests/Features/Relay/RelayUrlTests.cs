using System.Net;
using BroadcastHub.Web.Features.Relay;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>The URL allow-list on its own, including the private-address refusal the test app turns off.</summary>
public sealed class RelayUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000/live.mp3")]
    [InlineData("http://localhost/live.mp3")]
    [InlineData("http://10.1.2.3/live.mp3")]
    [InlineData("http://192.168.1.20:8000/live")]
    [InlineData("http://172.20.0.1/live")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/live.mp3")]
    [InlineData("http://[fd00::1]/live.mp3")]
    public void Private_and_loopback_hosts_are_refused_unless_allowed(string url)
    {
        Assert.Equal("relay_url_private", Assert.Throws<AppException>(() => RelayUrl.Check(url, allowPrivate: false)).Code);
        Assert.Equal(new Uri(url), RelayUrl.Check(url, allowPrivate: true));
    }

    [Theory]
    [InlineData("http://203.162.0.10/live.mp3")]
    [InlineData("https://stream.vov.vn/vov1.m3u8")]
    public void Public_hosts_are_accepted(string url) => Assert.Equal(new Uri(url), RelayUrl.Check(url, allowPrivate: false));

    [Fact]
    public void Carrier_grade_nat_and_mapped_addresses_are_private() =>
        Assert.True(RelayUrl.IsPrivate(IPAddress.Parse("100.64.0.1")) && RelayUrl.IsPrivate(IPAddress.Parse("::ffff:10.0.0.1")));
}
