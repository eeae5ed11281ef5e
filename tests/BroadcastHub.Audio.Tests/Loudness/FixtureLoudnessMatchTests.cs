using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Audio.Tests.TestSupport;
using NAudio.Wave;
using static BroadcastHub.Audio.Tests.Loudness.LoudnessSignals;

namespace BroadcastHub.Audio.Tests.Loudness;

/// <summary>The engine's chain on real speech: decode, house format (44.1 kHz mono), loudness match.</summary>
public sealed class FixtureLoudnessMatchTests
{
    [Theory]
    [MemberData(nameof(DecodingFixtures.ManifestFiles), MemberType = typeof(DecodingFixtures))]
    public void Fixtures_reach_the_target_and_never_pass_the_ceiling(string file)
    {
        var path = DecodingFixtures.PathOf(file);
        var analysis = AudioAnalyzer.Analyze(path);
        using var source = AudioDecoder.Open(path);
        var house = WaveFormat.CreateIeeeFloatWaveFormat(44100, 1);
        var converted = HouseFormat.Convert(source, house);
        using var again = AudioDecoder.Open(path);
        var expectedFrames = ReadAll(HouseFormat.Convert(again, house)).Length;

        var output = ReadAll(LoudnessMatch.Apply(converted, analysis.IntegratedLufs, new LoudnessTarget(), analysis.Channels));

        Assert.Equal(expectedFrames, output.Length);
        Assert.True(TruePeakDbtp(output, 44100, 1) <= -1 + 0.1);
        // Speech with 19 dB from loudness to peak loses up to ~1.5 LU to the limiter's 15 dB of headroom.
        Assert.InRange(IntegratedLufs(output, 44100, 1), -16 - 1.5, -16 + 0.3);
    }
}
