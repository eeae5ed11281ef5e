using System.Diagnostics;
using System.Globalization;
using NAudio.Wave;

namespace BroadcastHub.RelayBench;

/// <summary>
/// The source: a minute of quiet pink-ish noise with a 5 ms 2 kHz burst (the marker) every <see cref="MarkerEverySeconds"/>,
/// encoded by ffmpeg to CBR MP3 (128 kbit/s, 48 kHz mono: 384-byte frames, no Xing/ID3) so byte offsets map to time.
/// </summary>
public sealed record MarkerSource(string Mp3Path, long FileBytes, IReadOnlyList<long> MarkerBytes)
{
    public const int Rate = 48000, BytesPerSecond = 16000, FrameBytes = 384, FrameSamples = 1152;
    public const double MarkerEverySeconds = 5, Seconds = 60;

    /// <summary>Renders the file in <paramref name="folder"/> and finds, by decoding it, the frame that carries each marker.</summary>
    public static MarkerSource Render(string folder)
    {
        var wav = Path.Combine(folder, "source.wav");
        var mp3 = Path.Combine(folder, "source.mp3");
        var frames = (int)(Seconds * Rate);
        var samples = new float[frames];
        var random = new Random(13);
        double low = 0;
        for (var i = 0; i < frames; i++)
        {
            low += 0.2 * (random.NextDouble() * 2 - 1 - low);
            samples[i] = (float)(low * 0.05);
        }
        for (var at = Rate; at < frames; at += (int)(MarkerEverySeconds * Rate))
            for (var i = 0; i < Rate / 200; i++) samples[at + i] = (float)(0.9 * Math.Sin(2 * Math.PI * 2000 * i / Rate));
        using (var writer = new WaveFileWriter(wav, WaveFormat.CreateIeeeFloatWaveFormat(Rate, 1))) writer.WriteSamples(samples, 0, frames);
        Ffmpeg.Run("-v", "error", "-nostdin", "-y", "-i", wav, "-c:a", "libmp3lame", "-b:a", "128k", "-ar", "48000", "-ac", "1",
            "-write_xing", "0", "-id3v2_version", "0", "-write_id3v1", "0", "-f", "mp3", mp3);
        var bytes = new FileInfo(mp3).Length;
        if (bytes % FrameBytes != 0) throw new InvalidOperationException($"The MP3 is not whole 384-byte frames ({bytes} bytes).");
        var decoded = Ffmpeg.DecodeMono(mp3, Rate);
        var skipped = bytes / FrameBytes * FrameSamples - decoded.Length; // decoder delay ffmpeg trims at the start
        var markers = new List<long>();
        for (var s = 0; s < decoded.Length; s++)
        {
            if (Math.Abs(decoded[s]) < 0.4) continue;
            markers.Add((s + skipped) / FrameSamples * FrameBytes + FrameBytes);
            s += Rate;
        }
        return new MarkerSource(mp3, bytes, markers);
    }

    /// <summary>When the server, started at <paramref name="start"/>, has sent marker bytes up to <paramref name="after"/>, the instants the markers left it.</summary>
    public IEnumerable<DateTimeOffset> MarkerTimes(DateTimeOffset start, DateTimeOffset until)
    {
        for (long loop = 0; ; loop++)
            foreach (var b in MarkerBytes)
            {
                var at = start + TimeSpan.FromSeconds((loop * FileBytes + b) / (double)BytesPerSecond);
                if (at > until) yield break;
                yield return at;
            }
    }
}

/// <summary>ffmpeg runs for the bench (argument lists).</summary>
public static class Ffmpeg
{
    public static void Run(params string[] args) => Start(args, out _).Dispose();

    public static float[] DecodeMono(string path, int rate)
    {
        using var process = Start(["-v", "error", "-nostdin", "-i", path, "-ac", "1", "-ar", rate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "-"], out var output);
        var samples = new float[output.Length / 4];
        Buffer.BlockCopy(output, 0, samples, 0, samples.Length * 4);
        return samples;
    }

    private static Process Start(string[] args, out byte[] output)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("ffmpeg failed: " + errors.Result);
        output = bytes.ToArray();
        return process;
    }
}
