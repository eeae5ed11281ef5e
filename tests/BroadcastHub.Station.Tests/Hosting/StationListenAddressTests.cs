using BroadcastHub.Station.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BroadcastHub.Station.Tests.Hosting;

public sealed class StationListenAddressTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();

    [Fact]
    public void Nothing_configured_means_the_default_applies()
    {
        Assert.True(StationListenAddress.NothingConfigured(Config()));
        Assert.True(StationListenAddress.NothingConfigured(Config(("urls", " "))));
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:6000")]
    [InlineData("http_ports", "6000")]
    [InlineData("https_ports", "6001")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:6000")]
    public void Any_configured_address_wins(string key, string value) =>
        Assert.False(StationListenAddress.NothingConfigured(Config((key, value))));

    [Fact]
    public void The_default_is_this_machine_only_on_5090()
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration["urls"] = null;
        StationListenAddress.ApplyDefault(builder);
        Assert.Equal("http://127.0.0.1:5090", builder.Configuration["urls"]);
    }

    [Fact]
    public void A_urls_argument_is_left_alone()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:6123"]);
        StationListenAddress.ApplyDefault(builder);
        Assert.Equal("http://127.0.0.1:6123", builder.Configuration["urls"]);
    }
}
