using BroadcastHub.Playout.Relay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout.Tests.Relay;

public sealed class RelayOptionsTests
{
    private static RelayOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.Section);
        services.AddSingleton<IValidateOptions<RelayOptions>, RelayOptionsValidator>();
        return services.BuildServiceProvider().GetRequiredService<IOptions<RelayOptions>>().Value;
    }

    [Fact]
    public void The_defaults_are_the_documented_ones_and_the_keys_bind()
    {
        var defaults = Bind([]);
        Assert.Equal((8.0, null, 5.0, 90, 12.0),
            (defaults.PrerollSeconds, defaults.FillBulletinId, defaults.ReconnectMaxSeconds, defaults.RecordingRetentionDays, defaults.LevellerMaxGainDb));

        var set = Bind(new() { ["BroadcastHub:Relay:PrerollSeconds"] = "4", ["BroadcastHub:Relay:FillBulletinId"] = "7" });
        Assert.Equal((4.0, 7L), (set.PrerollSeconds, set.FillBulletinId));
    }

    [Theory]
    [InlineData("PrerollSeconds", "0", "PrerollSeconds")]
    [InlineData("FillBulletinId", "-1", "FillBulletinId")]
    [InlineData("ReconnectMaxSeconds", "0.1", "ReconnectMaxSeconds")]
    [InlineData("RecordingRetentionDays", "0", "RecordingRetentionDays")]
    [InlineData("LevellerMaxGainDb", "40", "LevellerMaxGainDb")]
    public void A_value_that_cannot_work_is_refused_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"BroadcastHub:Relay:{key}"] = value }));
        Assert.Contains($"BroadcastHub:Relay:{named}", error.Message);
    }
}
