using BroadcastHub.Station.Hosting;

namespace BroadcastHub.Station.Tests.Hosting;

public sealed class StationOptionsValidatorTests
{
    private static string[] Failures(Action<StationOptions> change)
    {
        var options = new StationOptions();
        change(options);
        var result = new StationOptionsValidator().Validate(null, options);
        return result.Failed ? result.Failures.ToArray() : [];
    }

    [Fact]
    public void The_defaults_are_valid_and_match_the_contract()
    {
        var options = new StationOptions();
        Assert.Empty(Failures(_ => { }));
        Assert.Equal("./station-data", options.DataPath);
        Assert.Equal(3, options.Station.CacheDays);
        Assert.Equal((5, 300), (options.Station.RetryFirstSeconds, options.Station.RetryMaxSeconds));
        Assert.False(options.IsEnrolled);
    }

    [Theory]
    [InlineData(0, 300, "RetryFirstSeconds")]
    [InlineData(301, 3600, "RetryFirstSeconds")]
    [InlineData(5, 4, "RetryMaxSeconds")]
    [InlineData(5, 3601, "RetryMaxSeconds")]
    public void A_sync_back_off_out_of_range_names_the_key(int first, int max, string key)
    {
        var failure = Assert.Single(Failures(o => (o.Station.RetryFirstSeconds, o.Station.RetryMaxSeconds) = (first, max)));
        Assert.StartsWith($"BroadcastHub:Station:{key} ", failure);
        Assert.Empty(Failures(o => (o.Station.RetryFirstSeconds, o.Station.RetryMaxSeconds) = (1, 5)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31)]
    public void Cache_days_out_of_range_names_the_key(int days)
    {
        var failure = Assert.Single(Failures(o => o.Station.CacheDays = days));
        Assert.StartsWith("BroadcastHub:Station:CacheDays ", failure);
        Assert.Contains($"(got {days})", failure);
    }

    [Theory]
    [InlineData("hub.example.vn")]
    [InlineData("ftp://hub.example.vn/")]
    [InlineData("https://hub.example.vn/?x=1")]
    [InlineData("https://user:pw@hub.example.vn/")]
    public void A_hub_address_that_is_not_an_absolute_http_url_names_the_key(string url)
    {
        var failure = Assert.Single(Failures(o => { o.Hub.Url = url; o.Hub.StationToken = "t0ken"; }));
        Assert.StartsWith("BroadcastHub:Hub:Url ", failure);
    }

    [Fact]
    public void Url_and_token_come_together()
    {
        Assert.StartsWith("BroadcastHub:Hub:StationToken ", Assert.Single(Failures(o => o.Hub.Url = "https://hub.example.vn/")));
        Assert.StartsWith("BroadcastHub:Hub:Url ", Assert.Single(Failures(o => o.Hub.StationToken = "t0ken")));
        Assert.Empty(Failures(o => { o.Hub.Url = "http://10.0.0.5:5080/bh/"; o.Hub.StationToken = "t0ken"; }));
    }

    [Fact]
    public void A_token_with_spaces_is_refused_without_being_echoed()
    {
        var failure = Assert.Single(Failures(o => { o.Hub.Url = "https://hub.example.vn/"; o.Hub.StationToken = "secret part\r\nX-Evil: 1"; }));
        Assert.StartsWith("BroadcastHub:Hub:StationToken ", failure);
        Assert.DoesNotContain("secret", failure);
    }

    [Fact]
    public void An_empty_data_path_names_the_key()
    {
        Assert.StartsWith("BroadcastHub:DataPath ", Assert.Single(Failures(o => o.DataPath = " ")));
        Assert.StartsWith("BroadcastHub:DataPath ", Assert.Single(Failures(o => o.DataPath = "bad\0path")));
    }
}
