using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;

namespace BroadcastHub.Audio.Tests.Analysis;

public sealed class LoudnessAccuracyTests : IDisposable
{
    private const int Rate = 48000;
    private readonly DecodingTempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(-23.0)]
    [InlineData(-33.0)]
    public void Stereo_1k_sine_measures_its_level(double dbfs)
    {
        var result = Analyze(DecodingSignals.Sine(1000, dbfs, 20, Rate, 2), 2, TestWavEncoding.F32);
        Assert.Equal(dbfs, result.IntegratedLufs, 0.1);
        Assert.Equal(dbfs, result.TruePeakDbtp, 0.1);
        Assert.Equal(dbfs, result.SamplePeakDbfs, 0.1);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(96000)]
    [InlineData(192000)]
    public void K_weighting_is_designed_for_the_actual_sample_rate(int rate)
    {
        var result = Analyze(DecodingSignals.Sine(1000, -23, 5, rate, 2), 2, TestWavEncoding.F32, rate);
        Assert.Equal(-23.0, result.IntegratedLufs, 0.1);
    }

    [Fact]
    public void Mono_counts_one_channel()
    {
        var result = Analyze(DecodingSignals.Sine(1000, -20, 5, Rate, 1), 1, TestWavEncoding.S16);
        Assert.Equal(-23.0, result.IntegratedLufs, 0.1);
    }

    [Fact]
    public void Meter_streams_in_any_chunk_size()
    {
        var signal = DecodingSignals.Sine(1000, -23, 3, 44100, 2);
        var whole = new LoudnessMeter(44100, 2);
        whole.Add(signal);
        var chunked = new LoudnessMeter(44100, 2);
        for (var i = 0; i < signal.Length; i += 2 * 777)
            chunked.Add(signal.AsSpan(i, Math.Min(2 * 777, signal.Length - i)));
        Assert.Equal(whole.IntegratedLufs, chunked.IntegratedLufs, 9);
    }

    private AudioAnalysis Analyze(float[] samples, int channels, TestWavEncoding encoding, int rate = Rate) =>
        AudioAnalyzer.Analyze(_temp.Track(DecodingWavWriter.WriteTemp(samples, rate, channels, encoding)));
}
