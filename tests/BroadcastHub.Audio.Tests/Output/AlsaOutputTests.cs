using System.Runtime.InteropServices;
using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace BroadcastHub.Audio.Tests.Output;

[Collection(OutputAlsaCollection.Name)]
public sealed class AlsaOutputTests(ITestOutputHelper log) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bh-alsa-out-").FullName;

    [Fact]
    public async Task Plays_the_exact_pcm_frames_through_an_alsa_file_plugin_device()
    {
        Assert.True(OperatingSystem.IsLinux());
        OutputAlsaConfig.EnsureInstalled();
        File.Delete(OutputAlsaConfig.RawPath);
        var signal = OutputTestSources.Signal(TimeSpan.FromMilliseconds(700));
        using var output = PlayoutOutputFactory.Create($"alsa:{OutputAlsaConfig.Device}", Settings());
        var startAt = TimeProvider.System.GetUtcNow().AddMilliseconds(300);

        var report = await output.PlayAsync(new PlayoutRequest(OutputTestSources.Provider(signal), startAt, "alsa"), default);

        log.WriteLine($"start error {(report.ActualStart - startAt).TotalMilliseconds:F3} ms, "
            + $"played {(report.ActualEnd - report.ActualStart).TotalMilliseconds:F0} ms");
        Assert.Null(report.Error);
        Assert.Equal(signal.Length, report.FramesPlayed);
        var raw = File.ReadAllBytes(OutputAlsaConfig.RawPath);
        var expected = signal.Select(OutputTestSources.ToPcm16).ToArray();
        Assert.Equal(expected.Length * 2, raw.Length);
        Assert.Equal(expected, MemoryMarshal.Cast<byte, short>(raw).ToArray());
    }

    [Fact]
    public async Task Stop_fades_out_and_counts_only_what_reached_the_device()
    {
        OutputAlsaConfig.EnsureInstalled();
        File.Delete(OutputAlsaConfig.RawPath);
        using var output = PlayoutOutputFactory.Create($"alsa:{OutputAlsaConfig.Device}", Settings());
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var source = new OutputTestSources.RealTimeSource(OutputTestSources.Signal(TimeSpan.FromSeconds(5)));

        var sourceStarted = System.Diagnostics.Stopwatch.StartNew();
        var stoppedAfter = TimeSpan.MaxValue;
        stop.Token.Register(() => stoppedAfter = sourceStarted.Elapsed);

        var report = await output.PlayAsync(new PlayoutRequest(source, TimeProvider.System.GetUtcNow(), "stop"), stop.Token);

        Assert.Null(report.Error);
        var raw = MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(OutputAlsaConfig.RawPath)).ToArray();
        var played = TimeSpan.FromSeconds(report.FramesPlayed / 44100.0);
        log.WriteLine($"played {played.TotalMilliseconds:F0} ms; stop came after {stoppedAfter.TotalMilliseconds:F0} ms");
        Assert.Equal(raw.Length, report.FramesPlayed);
        Assert.InRange((played - stoppedAfter).TotalMilliseconds, -100, 150);
        Assert.Equal(0, raw[^1]);
    }

    [Fact]
    public async Task A_device_that_does_not_exist_is_reported_not_thrown()
    {
        OutputAlsaConfig.EnsureInstalled();
        using var output = PlayoutOutputFactory.Create("alsa:nosuchdevice", Settings());
        var signal = OutputTestSources.Signal(TimeSpan.FromMilliseconds(100));

        var report = await output.PlayAsync(
            new PlayoutRequest(OutputTestSources.Provider(signal), TimeProvider.System.GetUtcNow(), "x"), default);

        log.WriteLine(report.Error);
        Assert.NotNull(report.Error);
        Assert.Contains("nosuchdevice", report.Error);
        Assert.Equal(0, report.FramesPlayed);
        Assert.False(AlsaWavePlayer.TryProbe("nosuchdevice", out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.True(AlsaWavePlayer.TryProbe(OutputAlsaConfig.Device, out var none), none);
        Assert.Null(none);
    }

    [Fact]
    public async Task A_write_that_fails_mid_air_is_reported_with_the_frames_heard_until_then()
    {
        // The file plugin writes into a pipe whose reader leaves after 0.5 s of audio: the next write fails (EPIPE in
        // the plugin, EIO from snd_pcm_writei) exactly as a card that disappears mid-air.
        OutputAlsaConfig.CreateFifo();
        const int heardFrames = 22_050;
        var reader = Task.Run(() =>
        {
            using var fifo = new FileStream(OutputAlsaConfig.FifoPath, FileMode.Open, FileAccess.Read);
            var bytes = new byte[heardFrames * 2];
            fifo.ReadExactly(bytes);
            return bytes;
        });
        using var output = PlayoutOutputFactory.Create($"alsa:{OutputAlsaConfig.FifoDevice}", Settings());
        var signal = OutputTestSources.Signal(TimeSpan.FromSeconds(3));
        var startAt = TimeProvider.System.GetUtcNow().AddMilliseconds(200);

        var report = await output.PlayAsync(new PlayoutRequest(OutputTestSources.Provider(signal), startAt, "fifo"), default);
        var heard = await reader;

        log.WriteLine($"{report.Error}; frames played {report.FramesPlayed}, played {(report.ActualEnd - report.ActualStart).TotalMilliseconds:F0} ms");
        Assert.Contains("Input/output error", report.Error);
        // Counted: the frames the device accepted before the failing write. Here that is what the reader took plus what
        // the pipe's 64 KiB buffer still held (the null slave is not paced), never less than what was heard.
        Assert.InRange(report.FramesPlayed, heardFrames, heardFrames + 32_768 + 882);
        Assert.Equal(signal[..heardFrames].Select(OutputTestSources.ToPcm16).ToArray(), MemoryMarshal.Cast<byte, short>(heard).ToArray());
    }

    [Fact]
    public void Lists_pcm_devices_from_the_configuration()
    {
        OutputAlsaConfig.EnsureInstalled();
        var devices = PlayoutOutputFactory.ListDevices();
        log.WriteLine(string.Join(", ", devices));
        Assert.Contains("null", devices);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private PlayoutOutputSettings Settings() =>
        new(OutputTestSources.House, directory, OutputTestSources.Hanoi, TimeProvider.System);
}
