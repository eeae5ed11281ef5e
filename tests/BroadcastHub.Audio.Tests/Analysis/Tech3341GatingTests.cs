using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;

namespace BroadcastHub.Audio.Tests.Analysis;

/// <summary>EBU Tech 3341 gating cases (stereo 1 kHz tones at 48 kHz), measured through a WAV file.</summary>
public sealed class Tech3341GatingTests : IDisposable
{
    private const int Rate = 48000;
    private readonly DecodingTempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Tech3341_case3_relative_gate_ignores_the_quiet_parts()
    {
        var signal = DecodingSignals.Concat(Tone(-36, 10), Tone(-23, 60), Tone(-36, 10));
        Assert.Equal(-23.0, Analyze(signal, 2, TestWavEncoding.S24).IntegratedLufs, 0.1);
    }

    [Fact]
    public void Tech3341_case4_absolute_and_relative_gates()
    {
        var signal = DecodingSignals.Concat(Tone(-72, 10), Tone(-36, 10), Tone(-23, 60), Tone(-36, 10), Tone(-72, 10));
        Assert.Equal(-23.0, Analyze(signal, 2, TestWavEncoding.S24).IntegratedLufs, 0.1);
    }

    [Fact]
    public void Tech3341_case5_level_steps()
    {
        var signal = DecodingSignals.Concat(Tone(-26, 20), Tone(-20, 20.1), Tone(-26, 20));
        Assert.Equal(-23.0, Analyze(signal, 2, TestWavEncoding.S24).IntegratedLufs, 0.1);
    }

    private static float[] Tone(double dbfs, double seconds) => DecodingSignals.Sine(1000, dbfs, seconds, Rate, 2);

    private AudioAnalysis Analyze(float[] samples, int channels, TestWavEncoding encoding) =>
        AudioAnalyzer.Analyze(_temp.Track(DecodingWavWriter.WriteTemp(samples, Rate, channels, encoding)));
}
