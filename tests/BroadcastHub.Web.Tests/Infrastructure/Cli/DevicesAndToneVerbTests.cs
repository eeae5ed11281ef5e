using System.Text.Json;
using BroadcastHub.Web.Cli;
using BroadcastHub.Web.Infrastructure.Cli;
using BroadcastHub.Web.Tests.EndToEnd;

namespace BroadcastHub.Web.Tests.Infrastructure.Cli;

public sealed class DevicesAndToneVerbTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("bh-cli-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Devices_lists_the_outputs_and_says_what_auto_resolves_to()
    {
        var config = CliConsole.Config(("BroadcastHub:DataPath", _data), ("BroadcastHub:Outputs:Zone3", "null"));

        var json = CliConsole.Run(config, "devices", "--json");
        var text = CliConsole.Run(config, "devices");

        Assert.Equal(CliVerbs.Ok, json.ExitCode);
        var root = JsonDocument.Parse(json.Out).RootElement;
        var specs = root.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("spec").GetString()).ToList();
        Assert.Contains("file", specs);
        Assert.Contains("null", specs);
        Assert.All(specs.Where(s => s is not "file" and not "null"), s => Assert.StartsWith("alsa:", s));
        var auto = root.GetProperty("auto");
        Assert.Equal(auto.GetProperty("fallsBack").GetBoolean() ? "file" : "alsa:default", auto.GetProperty("resolvesTo").GetString());
        Assert.Equal("null", root.GetProperty("configured").GetProperty("Zone3").GetString());
        Assert.Equal("auto", root.GetProperty("configured").GetProperty("Default").GetString());
        Assert.Equal(CliVerbs.Ok, text.ExitCode);
        Assert.Contains("  file ", text.Out);
        Assert.Contains("auto: alsa:default", text.Out);
        Assert.Contains("Zone3 = null", text.Out);
    }

    [Fact]
    public void Test_tone_plays_three_seconds_of_1_kHz_at_minus_20_dBFS_through_the_zone_output()
    {
        var config = CliConsole.Config(
            ("BroadcastHub:DataPath", _data), ("BroadcastHub:Outputs:Default", "null"), ("BroadcastHub:Outputs:Zone7", "file"));

        var result = CliConsole.Run(config, "test-tone", "--zone", "7");

        Assert.True(result.ExitCode == CliVerbs.Ok, result.Out + result.Err);
        Assert.Contains("on file", result.Out);
        var path = Assert.Single(Directory.GetFiles(Path.Combine(_data, "air", "zone7"), "test-tone-zone7-*.wav"));
        Assert.Contains($"Recording: {path}", result.Out);
        var wav = BroadcastWaveFile.Read(path);
        Assert.Equal((44100, 1), (wav.SampleRate, wav.Channels));
        Assert.Equal(3 * 44100, wav.Samples.Length);
        Assert.Equal(0.1, wav.Samples.Max(s => Math.Abs((int)s)) / 32767.0, 0.001);
        var crossings = wav.Samples.Zip(wav.Samples.Skip(1)).Count(p => p.First < 0 && p.Second >= 0);
        Assert.InRange(crossings, 2999, 3001);
    }

    [Fact]
    public void Test_tone_on_an_unusable_output_fails_with_the_reason()
    {
        var config = CliConsole.Config(("BroadcastHub:DataPath", _data), ("BroadcastHub:Outputs:Zone2", "bogus:1"));

        var result = CliConsole.Run(config, "test-tone", "--zone=2");

        Assert.Equal(CliVerbs.Failed, result.ExitCode);
        Assert.Contains("Unknown output spec 'bogus:1'", result.Err);
    }
}
