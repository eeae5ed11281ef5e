using System.Diagnostics;
using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace BroadcastHub.Audio.Tests.Output;

public sealed class BwfFileOutputTests(ITestOutputHelper log) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bh-bwf-").FullName;

    [Fact]
    public async Task Plays_source_to_a_paced_broadcast_wave_starting_on_the_instant()
    {
        var time = TimeProvider.System;
        var signal = OutputTestSources.Signal(TimeSpan.FromSeconds(2));
        using var output = PlayoutOutputFactory.Create("file", Settings(time));
        var clock = Stopwatch.StartNew();
        var startAt = time.GetUtcNow().AddSeconds(1.5);

        var report = await output.PlayAsync(new PlayoutRequest(OutputTestSources.Provider(signal), startAt, "sang-0530"), default);
        var elapsedSinceStart = time.GetUtcNow() - startAt;

        Assert.Null(report.Error);
        Assert.Equal(Path.Combine(directory, "sang-0530.wav"), report.RecordingPath);
        var file = OutputBwfReader.Read(report.RecordingPath!);
        Assert.Equal(["bext", "fmt ", "data"], file.ChunkOrder);
        Assert.Equal("BroadcastHub", file.Originator);
        Assert.Equal(1, file.Version);
        Assert.Equal((1, 44100, 16), (file.Channels, file.SampleRate, file.BitsPerSample));

        var firstSample = file.FirstSampleInstant(OutputTestSources.Hanoi);
        var startError = firstSample - startAt;
        var reportError = report.ActualStart - startAt;
        log.WriteLine($"bext start error {startError.TotalMilliseconds:F3} ms, report start error {reportError.TotalMilliseconds:F3} ms");
        Assert.InRange(Math.Abs(startError.TotalMilliseconds), 0, 20);
        Assert.InRange(Math.Abs((firstSample - report.ActualStart).TotalMilliseconds), 0, 0.1);
        var local = TimeZoneInfo.ConvertTime(firstSample, OutputTestSources.Hanoi);
        Assert.Equal(local.ToString("HH:mm:ss"), file.OriginationTime);

        Assert.Equal(signal.Length, file.Samples.Length);
        Assert.Equal(signal.Length, report.FramesPlayed);
        for (var i = 0; i < signal.Length; i++)
        {
            Assert.InRange(file.Samples[i] - OutputTestSources.ToPcm16(signal[i]), -1, 1);
        }

        Assert.Equal(file.FileLength - 8, file.RiffSize);
        Assert.Equal(signal.Length * 2, file.DeclaredDataSize);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3.5), $"took only {clock.Elapsed}");
        Assert.True(elapsedSinceStart >= TimeSpan.FromSeconds(2), $"played in {elapsedSinceStart}: not paced");
        Assert.InRange((report.ActualEnd - report.ActualStart).TotalSeconds, 1.999, 2.001);
    }

    [Fact]
    public async Task Stop_midway_truncates_the_file_like_real_air_and_leaves_it_valid()
    {
        var time = TimeProvider.System;
        var signal = OutputTestSources.Signal(TimeSpan.FromSeconds(3));
        using var output = PlayoutOutputFactory.Create("file", Settings(time));
        using var stop = new CancellationTokenSource();
        var startAt = time.GetUtcNow().AddMilliseconds(200);
        var stoppedAt = DateTimeOffset.MaxValue;
        stop.Token.Register(() => stoppedAt = time.GetUtcNow());
        stop.CancelAfter(TimeSpan.FromMilliseconds(700));

        var report = await output.PlayAsync(new PlayoutRequest(OutputTestSources.Provider(signal), startAt, "stopped"), stop.Token);

        // Timers fire late on a loaded machine, so "about 0.5 s" is measured from when the stop really came.
        Assert.Null(report.Error);
        var played = TimeSpan.FromSeconds(report.FramesPlayed / 44100.0);
        var airedBeforeStop = stoppedAt - report.ActualStart;
        log.WriteLine($"played {played.TotalMilliseconds:F0} ms; stop came {airedBeforeStop.TotalMilliseconds:F0} ms after start");
        Assert.InRange(airedBeforeStop.TotalMilliseconds, 400, 2000);
        Assert.InRange((played - airedBeforeStop).TotalMilliseconds, -100, 100);
        var file = OutputBwfReader.Read(report.RecordingPath!);
        Assert.Equal(report.FramesPlayed, file.Samples.Length);
        Assert.Equal(file.Samples.Length * 2, file.DeclaredDataSize);
        Assert.Equal(file.FileLength - 8, file.RiffSize);
        Assert.InRange(Math.Abs((int)file.Samples[^1]), 0, 400);
    }

    [Fact]
    public async Task Start_instant_already_past_starts_at_once_and_reports_the_real_start()
    {
        var time = TimeProvider.System;
        var signal = OutputTestSources.Signal(TimeSpan.FromMilliseconds(300));
        using var output = PlayoutOutputFactory.Create("file", Settings(time));
        var before = time.GetUtcNow();

        var report = await output.PlayAsync(new PlayoutRequest(OutputTestSources.Provider(signal), before.AddSeconds(-10), "late"), default);

        Assert.Null(report.Error);
        Assert.InRange(report.ActualStart, before, before.AddMilliseconds(200));
        var file = OutputBwfReader.Read(report.RecordingPath!);
        Assert.InRange(Math.Abs((file.FirstSampleInstant(OutputTestSources.Hanoi) - report.ActualStart).TotalMilliseconds), 0, 0.1);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private PlayoutOutputSettings Settings(TimeProvider time) =>
        new(OutputTestSources.House, directory, OutputTestSources.Hanoi, time);
}
