using System.Text.Json;
using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Web.Cli;
using BroadcastHub.Web.Infrastructure.Cli;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Infrastructure.Cli;

public sealed class AnalyzeVerbTests
{
    [Theory]
    [InlineData("bulletin-vi-stereo-44k-vbr-id3.mp3")]
    [InlineData("tone-1k-48k-s24-stereo-3s.wav")]
    public void Json_output_carries_the_analyzer_figures(string name)
    {
        var path = Fixtures.File(name);
        var expected = AudioAnalyzer.Analyze(path);

        var result = CliConsole.Run(CliConsole.Config(), "analyze", path, "--json");

        Assert.Equal(CliVerbs.Ok, result.ExitCode);
        Assert.Single(result.Out.Trim().Split('\n'));
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(expected.DurationSeconds, json.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(expected.SampleRate, json.GetProperty("sampleRate").GetInt32());
        Assert.Equal(expected.Channels, json.GetProperty("channels").GetInt32());
        Assert.Equal(expected.IntegratedLufs, json.GetProperty("integratedLufs").GetDouble());
        Assert.Equal(expected.TruePeakDbtp, json.GetProperty("truePeakDbtp").GetDouble());
        Assert.Equal(expected.SamplePeakDbfs, json.GetProperty("samplePeakDbfs").GetDouble());
        Assert.Equal(expected.LeadingSilenceSeconds, json.GetProperty("leadingSilenceSeconds").GetDouble());
        Assert.Equal(expected.TrailingSilenceSeconds, json.GetProperty("trailingSilenceSeconds").GetDouble());
        Assert.Equal(expected.Warnings, json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!));
        Assert.Equal(-16, json.GetProperty("playout").GetProperty("targetLufs").GetDouble());
    }

    [Fact]
    public void Text_output_describes_the_file_for_a_technician()
    {
        var result = CliConsole.Run(CliConsole.Config(("BroadcastHub:Loudness:TargetLufs", "-18")),
            "analyze", Fixtures.File("tone-1k-48k-s24-stereo-3s.wav"));

        Assert.Equal(CliVerbs.Ok, result.ExitCode);
        Assert.Contains("Format:          pcm_s24le, 48000 Hz, stereo", result.Out);
        Assert.Contains("Duration:        3.000 s (00:00:03.000), 144000 frames", result.Out);
        Assert.Contains("Loudness:        -23.0 LUFS", result.Out);
        Assert.Contains("True peak:       -23.0 dBTP", result.Out);
        Assert.Contains("At playout:      +5.0 dB to reach -18.0 LUFS", result.Out);
        Assert.Contains("Warnings:        none", result.Out);
        Assert.Empty(result.Err);
    }

    [Theory]
    [InlineData("empty.mp3", AudioErrorCodes.EmptyFile)]
    [InlineData("text-named.mp3", AudioErrorCodes.UnrecognizedFormat)]
    [InlineData("png-named.wav", AudioErrorCodes.UnsupportedFormat)]
    [InlineData("truncated-mid-frame.mp3", AudioErrorCodes.TruncatedMp3)]
    [InlineData("truncated-data.wav", AudioErrorCodes.TruncatedWav)]
    public void A_refused_file_exits_non_zero_with_its_error_code(string name, string code)
    {
        var json = CliConsole.Run(CliConsole.Config(), "analyze", Fixtures.Bad(name), "--json");
        var text = CliConsole.Run(CliConsole.Config(), "analyze", Fixtures.Bad(name));

        Assert.Equal(CliVerbs.Failed, json.ExitCode);
        var error = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(code, error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(CliVerbs.Failed, text.ExitCode);
        Assert.Contains($"Refused ({code})", text.Err);
        Assert.Empty(text.Out);
    }

    [Fact]
    public void A_missing_file_is_reported_as_such()
    {
        var result = CliConsole.Run(CliConsole.Config(), "analyze", "/no/such/file.mp3", "--json");

        Assert.Equal(CliVerbs.Failed, result.ExitCode);
        Assert.Equal("file_not_found", JsonDocument.Parse(result.Out).RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "a.mp3", "b.mp3")]
    [InlineData("analyze", "a.mp3", "--jsn")]
    [InlineData("test-tone")]
    [InlineData("test-tone", "--zone", "x")]
    [InlineData("devices", "extra")]
    public void Wrong_arguments_are_a_usage_error(params string[] args)
    {
        var result = CliConsole.Run(CliConsole.Config(), args);

        Assert.Equal(CliVerbs.Usage, result.ExitCode);
        Assert.Contains("Usage:", result.Err);
    }

    [Theory]
    [InlineData]
    [InlineData("--seed-demo")]
    [InlineData("--urls", "http://127.0.0.1:5999")]
    [InlineData("/tmp/analyze")]
    public void Anything_else_is_left_to_the_web_host(params string[] args) =>
        Assert.Null(CliVerbs.TryRun(args, CliConsole.Config()));
}
