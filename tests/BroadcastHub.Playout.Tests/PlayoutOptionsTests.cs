using BroadcastHub.Playout;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout.Tests;

public sealed class PlayoutOptionsTests
{
    private static PlayoutOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<PlayoutOptions>().Configure(o => o.DataPath = "./station-data").BindConfiguration(PlayoutOptions.Section);
        services.AddSingleton<IValidateOptions<PlayoutOptions>, PlayoutOptionsValidator>();
        return services.BuildServiceProvider().GetRequiredService<IOptions<PlayoutOptions>>().Value;
    }

    [Fact]
    public void The_readme_keys_bind_and_a_zone_overrides_only_what_it_sets()
    {
        var options = Bind(new()
        {
            ["BroadcastHub:Outputs:Default"] = "file", ["BroadcastHub:Outputs:Zone3"] = "null", ["BroadcastHub:Outputs:Retries"] = "4",
            ["BroadcastHub:Loudness:TargetLufs"] = "-18", ["BroadcastHub:Loudness:Zone3:TargetLufs"] = "-23",
            ["BroadcastHub:Loudness:Zone3:Enabled"] = "false", ["BroadcastHub:DeadAir:Seconds"] = "2", ["BroadcastHub:GraceSeconds"] = "30",
        });

        Assert.Equal("./station-data", options.DataPath);
        Assert.Equal(("null", "file", 4), (options.OutputFor(3), options.OutputFor(4), options.OutputRetries));
        Assert.Equal((2.0, 30), (options.DeadAir.Seconds, options.GraceSeconds));
        var zone3 = PlayoutLoudness.For(options, 3);
        var zone4 = PlayoutLoudness.For(options, 4);
        Assert.Equal((-23.0, false, -1.0), (zone3.TargetLufs, zone3.Enabled, zone3.TruePeakCeilingDbtp));
        Assert.Equal((-18.0, true), (zone4.TargetLufs, zone4.Enabled));
    }

    [Fact]
    public void Values_the_engine_could_only_misread_at_air_are_refused_at_start_naming_the_key()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["BroadcastHub:Outputs:Retries"] = "many", ["BroadcastHub:HouseFormat:Channels"] = "6", ["BroadcastHub:DeadAir:Seconds"] = "0",
        }));

        Assert.Contains(refused.Failures, f => f.Contains("BroadcastHub:Outputs:Retries", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("BroadcastHub:HouseFormat:Channels", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("BroadcastHub:DeadAir:Seconds", StringComparison.Ordinal));
        Assert.True(new PlayoutOptionsValidator().Validate(null, Bind([])).Succeeded);
    }
}
