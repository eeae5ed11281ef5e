using System.Diagnostics;
using BroadcastHub.Playout.Relay;
using BroadcastHub.TestStreams;
using NAudio.Wave;
using Xunit.Abstractions;

namespace BroadcastHub.Playout.Tests.Relay;

/// <summary>The relay recording through its tee, written as the engine would, decoded back by ffmpeg.</summary>
public sealed class RelayRecordingTests(ITestOutputHelper output) : IDisposable
{
    private const int Rate = 44100, Block = 882; // 20 ms, the size an output reads
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"relay-rec-{Guid.NewGuid():N}");
    private static readonly WaveFormat House = WaveFormat.CreateIeeeFloatWaveFormat(Rate, 1);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public void Twenty_seconds_through_the_tee_decode_to_the_same_audio(double speed)
    {
        var input = Speech(20, Rate, 1);
        var path = Path.Combine(_folder, "2026", "12", "07", "occ1-p0.opus");
        using var recording = RelayRecording.Start("ffmpeg", path, House);

        var aired = Play(new RecordingTee(new ArraySource(input, House), recording), speed);
        var written = recording.Complete();

        Assert.Equal(path, written);
        Assert.Equal(input, aired);
        Assert.Equal(0, recording.DroppedSamples);
        var decoded = RecordingProof.Decode(path, Rate, 1);
        Assert.InRange(decoded.Length - input.Length, -Rate * 30 / 1000, Rate * 30 / 1000);
        var (lag, peak) = RecordingProof.Best(input, decoded, Rate * 8, Rate * 2, 1000);
        var (recordedLufs, inputLufs) = (RecordingProof.Lufs(path), RecordingProof.Lufs(input, Rate, 1));
        output.WriteLine($"{decoded.Length - input.Length} samples longer; lag {lag}, correlation {peak:0.000}; {recordedLufs} LUFS recorded, {inputLufs} LUFS in");
        Assert.InRange(lag, -2, 2);
        Assert.True(peak > 0.9, $"correlation peak {peak:0.000}");
        Assert.InRange(recordedLufs - inputLufs, -0.5, 0.5);
    }

    [Fact]
    public void Without_ffmpeg_the_audio_passes_and_there_is_no_recording()
    {
        var input = Speech(2, Rate, 1);
        var path = Path.Combine(_folder, "none.opus");
        using var recording = RelayRecording.Start(Path.Combine(_folder, "no-such-ffmpeg"), path, House);

        var aired = Play(new RecordingTee(new ArraySource(input, House), recording), 1000);

        Assert.Equal(input, aired);
        Assert.Null(recording.Complete());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_recording_ffmpeg_cannot_write_fails_alone()
    {
        var input = Speech(3, Rate, 1);
        var path = Path.Combine(_folder, "taken.opus");
        Directory.CreateDirectory(path); // a folder where the file should go: ffmpeg refuses to write it

        using var recording = RelayRecording.Start("ffmpeg", path, House);
        var aired = Play(new RecordingTee(new ArraySource(input, House), recording), 1000);

        Assert.Equal(input, aired);
        Assert.Null(recording.Complete());
    }

    private static float[] Speech(double seconds, int rate, int channels) =>
        RecordingProof.Decode(Path.Combine(AppContext.BaseDirectory, "fixtures", "bulletin-vi-mono-16k-s16.wav"), rate, channels,
            ["-stream_loop", "-1"], ["-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    private static float[] Play(ISampleProvider chain, double speed)
    {
        var output = new List<float>();
        var buffer = new float[Block];
        var clock = Stopwatch.StartNew();
        for (var blocks = 1; ; blocks++)
        {
            var n = chain.Read(buffer);
            if (n == 0) return output.ToArray();
            output.AddRange(buffer.AsSpan(0, n));
            var due = TimeSpan.FromSeconds(blocks * Block / (double)Rate / speed);
            if (due > clock.Elapsed) Thread.Sleep(due - clock.Elapsed);
        }
    }

    private sealed class ArraySource(float[] samples, WaveFormat format) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat => format;

        public int Read(Span<float> buffer)
        {
            var n = Math.Min(buffer.Length, samples.Length - _position);
            samples.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
