using System.Diagnostics;
using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Tests.TestSupport;
using Xunit;

namespace BroadcastHub.Audio.Tests.Output;

public sealed class FaultDrillOutputTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bh-drill-").FullName;
    private readonly UnpluggedDevices unplugged = new();

    [Fact]
    public async Task Fail_after_plays_exactly_that_long_then_reports_a_write_failure_and_works_again_when_reopened()
    {
        for (var opening = 1; opening <= 2; opening++)
        {
            using var output = PlayoutOutputFactory.Create("fail-after:0.3:null", Settings());
            var report = await output.PlayAsync(Request(TimeSpan.FromSeconds(1)), default);

            Assert.Equal("fail-after:0.3:null", output.Description);
            Assert.Equal(13_230, report.FramesPlayed);
            Assert.Contains("Device write failed after 0.3 s", report.Error);
            Assert.InRange((report.ActualEnd - report.ActualStart).TotalMilliseconds, 299, 301);
        }
    }

    [Fact]
    public async Task Unplug_after_records_what_aired_then_every_later_opening_fails_at_once()
    {
        using (var first = PlayoutOutputFactory.Create("unplug-after:0.2:file", Settings()))
        {
            var report = await first.PlayAsync(Request(TimeSpan.FromSeconds(1)), default);
            Assert.Equal(8_820, report.FramesPlayed);
            Assert.Contains("Device write failed after 0.2 s", report.Error);
            Assert.Equal(44 + 8_820 * 2, new FileInfo(report.RecordingPath!).Length - BextOverhead(report.RecordingPath!));
        }

        using var again = PlayoutOutputFactory.Create("unplug-after:0.2:file", Settings());
        var clock = Stopwatch.StartNew();
        var failed = await again.PlayAsync(Request(TimeSpan.FromSeconds(1), startIn: TimeSpan.FromSeconds(2)), default);

        Assert.Equal(0, failed.FramesPlayed);
        Assert.Contains("unplugged", failed.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"took {clock.Elapsed}: a missing device fails before the instant");
    }

    [Theory]
    [InlineData("fail-after:abc:null")]
    [InlineData("fail-after:1")]
    [InlineData("fail-after:1:")]
    [InlineData("unplug-after:-1:null")]
    public void Malformed_drill_specs_say_how_to_write_them(string spec)
    {
        var ex = Assert.Throws<ArgumentException>(() => PlayoutOutputFactory.Create(spec, Settings()));
        Assert.Contains(":30:alsa:default", ex.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static PlayoutRequest Request(TimeSpan length, TimeSpan? startIn = null) =>
        new(OutputTestSources.Provider(OutputTestSources.Signal(length)),
            TimeProvider.System.GetUtcNow() + (startIn ?? TimeSpan.FromMilliseconds(50)), "drill-" + Guid.NewGuid().ToString("N")[..6]);

    private PlayoutOutputSettings Settings() =>
        new(OutputTestSources.House, directory, OutputTestSources.Hanoi, TimeProvider.System) { Unplugged = unplugged };

    /// <summary>Bytes of the file besides the canonical 44-byte header and the samples (the bext chunk and its header).</summary>
    private static long BextOverhead(string wav)
    {
        var bytes = File.ReadAllBytes(wav);
        for (var i = 12; i + 8 <= bytes.Length;)
        {
            var size = BitConverter.ToInt32(bytes, i + 4);
            if (bytes.AsSpan(i, 4).SequenceEqual("data"u8)) return i + 8 - 44;
            i += 8 + size + (size & 1);
        }
        throw new InvalidDataException("no data chunk");
    }
}
