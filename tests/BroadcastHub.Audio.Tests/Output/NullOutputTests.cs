using System.Diagnostics;
using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Tests.TestSupport;
using NAudio.Wave;
using Xunit;

namespace BroadcastHub.Audio.Tests.Output;

public sealed class NullOutputTests
{
    [Fact]
    public async Task Null_output_is_paced_and_plays_every_frame()
    {
        var signal = OutputTestSources.Signal(TimeSpan.FromMilliseconds(600));
        using var output = PlayoutOutputFactory.Create("null", Settings());
        var startAt = TimeProvider.System.GetUtcNow().AddMilliseconds(100);
        var clock = Stopwatch.StartNew();

        var report = await output.PlayAsync(new PlayoutRequest(OutputTestSources.Provider(signal), startAt, "n"), default);

        Assert.Null(report.Error);
        Assert.Null(report.RecordingPath);
        Assert.Equal(signal.Length, report.FramesPlayed);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(700), $"took only {clock.Elapsed}");
        Assert.InRange(Math.Abs((report.ActualStart - startAt).TotalMilliseconds), 0, 20);
        Assert.InRange((report.ActualEnd - report.ActualStart).TotalMilliseconds, 599, 601);
    }

    [Fact]
    public async Task Stereo_sources_count_frames_not_samples()
    {
        var stereo = WaveFormat.CreateIeeeFloatWaveFormat(44100, 2);
        var signal = OutputTestSources.Signal(TimeSpan.FromMilliseconds(200), stereo);
        using var output = PlayoutOutputFactory.Create("null", Settings() with { HouseFormat = stereo });

        var report = await output.PlayAsync(
            new PlayoutRequest(OutputTestSources.Provider(signal, stereo), TimeProvider.System.GetUtcNow(), "s"), default);

        Assert.Null(report.Error);
        Assert.Equal(signal.Length / 2, report.FramesPlayed);
    }

    [Fact]
    public async Task A_source_in_another_format_is_reported_not_thrown()
    {
        using var output = PlayoutOutputFactory.Create("null", Settings());
        var other = WaveFormat.CreateIeeeFloatWaveFormat(48000, 1);

        var report = await output.PlayAsync(
            new PlayoutRequest(OutputTestSources.Provider(new float[100], other), TimeProvider.System.GetUtcNow(), "f"), default);

        Assert.Contains("48000", report.Error);
        Assert.Equal(0, report.FramesPlayed);
    }

    [Fact]
    public async Task Cancelled_before_the_start_instant_plays_nothing()
    {
        using var output = PlayoutOutputFactory.Create("null", Settings());
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var report = await output.PlayAsync(new PlayoutRequest(
            OutputTestSources.Provider(new float[44100]), TimeProvider.System.GetUtcNow().AddSeconds(30), "c"), stop.Token);

        Assert.Null(report.Error);
        Assert.Equal(0, report.FramesPlayed);
    }

    [Fact]
    public async Task A_failing_source_is_reported_as_an_error()
    {
        using var output = PlayoutOutputFactory.Create("null", Settings());

        var report = await output.PlayAsync(
            new PlayoutRequest(new FailingSource(), TimeProvider.System.GetUtcNow(), "e"), default);

        Assert.Contains("corrupt frame", report.Error);
    }

    private static PlayoutOutputSettings Settings() =>
        new(OutputTestSources.House, Path.GetTempPath(), OutputTestSources.Hanoi, TimeProvider.System);

    private sealed class FailingSource : ISampleProvider
    {
        private int reads;

        public WaveFormat WaveFormat => OutputTestSources.House;

        public int Read(Span<float> buffer) =>
            ++reads < 3 ? buffer.Length : throw new InvalidDataException("corrupt frame");
    }
}
