using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace BroadcastHub.Audio.Tests.Analysis;

public sealed class FixtureAnalysisTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => DecodingFixtures.ManifestFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Matches_ffmpeg_ebur128_within_tolerance(string file)
    {
        var expected = DecodingFixtures.Row(file);
        var result = AudioAnalyzer.Analyze(DecodingFixtures.PathOf(file));
        output.WriteLine($"{file}: {result.IntegratedLufs:F2} LUFS (ffmpeg {expected.IntegratedLufs}), " +
                         $"TP {result.TruePeakDbtp:F2} dBTP (ffmpeg {expected.TruePeakDbtp}), SP {result.SamplePeakDbfs:F2}, " +
                         $"clipped {result.ClippedSamples}, silence {result.LeadingSilenceSeconds:F3}/{result.TrailingSilenceSeconds:F3} s, " +
                         $"warnings: {string.Join(" | ", result.Warnings)}");

        Assert.Equal(expected.Codec, result.Codec);
        Assert.Equal(expected.SampleRate, result.SampleRate);
        Assert.Equal(expected.Channels, result.Channels);
        Assert.Equal(expected.DecodedFrames, result.Frames);
        Assert.Equal(expected.DecodedFrames / (double)expected.SampleRate, result.DurationSeconds, 1e-9);
        Assert.Equal(expected.IntegratedLufs, result.IntegratedLufs, 0.3);
        Assert.Equal(expected.TruePeakDbtp, result.TruePeakDbtp, 0.5);
        Assert.True(result.TruePeakDbtp >= result.SamplePeakDbfs - 1e-9);
    }

    [Fact]
    public void Tone_fixture_true_peak_is_its_sine_peak()
    {
        var result = AudioAnalyzer.Analyze(DecodingFixtures.PathOf("tone-1k-48k-s24-stereo-3s.wav"));
        Assert.Equal(-23.0, result.TruePeakDbtp, 0.05);
        Assert.Equal(-23.0, result.IntegratedLufs, 0.1);
        Assert.Equal(0, result.ClippedSamples);
        Assert.Equal(0, result.LeadingSilenceSeconds, 0.001);
        Assert.Equal(0, result.TrailingSilenceSeconds, 0.001);
    }

    [Theory]
    [InlineData("bad/empty.mp3", AudioErrorCodes.EmptyFile)]
    [InlineData("bad/truncated-mid-frame.mp3", AudioErrorCodes.TruncatedMp3)]
    public void Rejections_surface_from_the_analyzer(string file, string code)
    {
        var ex = Assert.Throws<AudioRejectedException>(() => AudioAnalyzer.Analyze(DecodingFixtures.PathOf(file)));
        Assert.Equal(code, ex.Code);
    }
}
