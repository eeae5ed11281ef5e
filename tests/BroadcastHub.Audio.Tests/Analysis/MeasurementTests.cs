using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;

namespace BroadcastHub.Audio.Tests.Analysis;

public sealed class MeasurementTests : IDisposable
{
    private readonly DecodingTempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Inter_sample_peaks_are_found_by_oversampling()
    {
        // 12 kHz at 48 kHz with a 45° phase: every sample sits at ±0.707 of the real peak (−3.01 dB).
        var frames = 48000;
        var samples = new float[frames];
        for (var i = 0; i < frames; i++) samples[i] = (float)(0.5 * Math.Sin(Math.PI / 2 * i + Math.PI / 4));
        var result = AudioAnalyzer.Analyze(_temp.Track(DecodingWavWriter.WriteTemp(samples, 48000, 1, TestWavEncoding.F32)));
        Assert.Equal(20 * Math.Log10(0.5 * Math.Sqrt(0.5)), result.SamplePeakDbfs, 0.01);
        Assert.Equal(20 * Math.Log10(0.5), result.TruePeakDbtp, 0.1);
    }

    [Fact]
    public void Leading_and_trailing_silence_and_clipping_are_measured()
    {
        const int rate = 16000;
        var tone = DecodingSignals.Sine(440, -6, 2, rate, 2);
        for (var i = 0; i < 10; i++) tone[1000 + i] = 1f; // ten full-scale samples
        var noiseFloor = Enumerable.Repeat(0.0005f, rate * 2).ToArray(); // −66 dBFS: still "silence"
        var signal = DecodingSignals.Concat(noiseFloor, tone, new float[rate]);
        var result = AudioAnalyzer.Analyze(_temp.Track(DecodingWavWriter.WriteTemp(signal, rate, 2, TestWavEncoding.F32)));
        Assert.Equal(1.0, result.LeadingSilenceSeconds, 0.001);
        Assert.Equal(0.5, result.TrailingSilenceSeconds, 0.001);
        Assert.Equal(10, result.ClippedSamples);
        Assert.Equal(0, result.SamplePeakDbfs, 0.001);
        Assert.Contains(result.Warnings, w => w.Contains("clipped"));
        Assert.Equal(3.5, result.DurationSeconds, 1e-9);
    }

    [Fact]
    public void Digital_silence_is_reported_with_finite_floors_and_a_warning()
    {
        var result = AudioAnalyzer.Analyze(_temp.Track(DecodingWavWriter.WriteTemp(new float[16000], 8000, 2, TestWavEncoding.S16)));
        Assert.Equal(AudioAnalysis.GateFloorLufs, result.IntegratedLufs);
        Assert.Equal(AudioAnalysis.FloorDb, result.TruePeakDbtp);
        Assert.Equal(1.0, result.LeadingSilenceSeconds, 1e-9);
        Assert.Equal(1.0, result.TrailingSilenceSeconds, 1e-9);
        Assert.Contains(result.Warnings, w => w.Contains("silent"));
    }

    [Fact]
    public void Surround_channels_weigh_1_41_and_lfe_is_ignored()
    {
        var front = Meter(DecodingSignals.Sine(1000, -20, 3, 48000, 1), channel: 0);
        var surround = Meter(DecodingSignals.Sine(1000, -20, 3, 48000, 1), channel: 4);
        var lfe = Meter(DecodingSignals.Sine(1000, -20, 3, 48000, 1), channel: 3);
        Assert.Equal(10 * Math.Log10(1.41), surround - front, 0.01);
        Assert.True(double.IsNegativeInfinity(lfe));
    }

    [Fact]
    public void Analysis_can_be_cancelled()
    {
        var path = _temp.Track(DecodingWavWriter.WriteTemp(new float[96000], 48000, 1, TestWavEncoding.S16));
        Assert.ThrowsAny<OperationCanceledException>(() => AudioAnalyzer.Analyze(path, new CancellationToken(true)));
    }

    [Fact]
    public void Garbage_damaged_mp3_reports_the_decoder_warning()
    {
        var original = File.ReadAllBytes(DecodingFixtures.PathOf("bulletin-vi-mono-22k-cbr64.mp3"));
        var damaged = original.Take(40000).Concat(new byte[500]).Concat(original.Skip(40000)).ToArray();
        var result = AudioAnalyzer.Analyze(_temp.Write(damaged, ".mp3"));
        Assert.Contains(result.Warnings, w => w.Contains("resynchronised"));
        Assert.Equal(DecodingFixtures.Row("bulletin-vi-mono-22k-cbr64.mp3").IntegratedLufs, result.IntegratedLufs, 0.3);
    }

    private static double Meter(float[] mono, int channel)
    {
        var six = new float[mono.Length * 6];
        for (var i = 0; i < mono.Length; i++) six[i * 6 + channel] = mono[i];
        var meter = new LoudnessMeter(48000, 6);
        meter.Add(six);
        return meter.IntegratedLufs;
    }
}
