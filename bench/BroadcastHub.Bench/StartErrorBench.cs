using System.Buffers.Binary;
using System.Runtime.InteropServices;
using BroadcastHub.Audio.Output;
using NAudio.Wave;
using static BroadcastHub.Bench.BenchReport;

namespace BroadcastHub.Bench;

/// <summary>
/// (b) Start error over N timed starts: through the paced <c>file</c> output (first-sample instant read back from the
/// Broadcast Wave <c>bext</c> chunk: origination date + TimeReference in samples) and through ALSA to a file-plugin
/// device (first-frame instant the output measures with <c>snd_pcm_delay</c>).
/// </summary>
public static class StartErrorBench
{
    private static readonly WaveFormat House = WaveFormat.CreateIeeeFloatWaveFormat(44100, 1);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(150);

    public static async Task RunAsync(string work, int starts, BenchReport report)
    {
        report.Heading($"(b) Start error over {starts} timed starts");
        report.Line($"Each start: a fresh output, a 50 ms source, requested {Lead.TotalMilliseconds:0} ms ahead; error = measured first-sample instant − requested (ms).");
        var settings = new PlayoutOutputSettings(House, Path.Combine(work, "starts"), Zone, TimeProvider.System);
        var rows = new List<string[]>();
        var fileErrors = await MeasureAsync(starts, "file", settings, r => BextInstant(r.RecordingPath!));
        rows.Add(Row("`file` (paced BWF; instant from bext)", fileErrors));
        var alsaDevice = InstallAlsaFileDevice(work);
        if (AlsaWavePlayer.TryProbe(alsaDevice, out var error))
            rows.Add(Row("`alsa:bhbench` (file plugin → null; instant from snd_pcm_delay)",
                await MeasureAsync(starts, $"alsa:{alsaDevice}", settings, r => r.ActualStart)));
        else report.Line($"ALSA skipped: {error}");
        report.Table(["output", "min", "median", "p99", "max", "mean |error|"], rows);
        Directory.Delete(Path.Combine(work, "starts"), recursive: true);
    }

    private static async Task<List<double>> MeasureAsync(
        int starts, string spec, PlayoutOutputSettings settings, Func<PlayoutReport, DateTimeOffset> measured)
    {
        var errors = new List<double>();
        var source = new float[House.SampleRate / 20];
        for (var i = 0; i < starts; i++)
        {
            using var output = PlayoutOutputFactory.Create(spec, settings);
            var requested = TimeProvider.System.GetUtcNow() + Lead;
            var provider = new ArrayProvider(source, House);
            var result = await output.PlayAsync(new PlayoutRequest(provider, requested, $"start{i:000}"), default);
            if (result.Error is not null) throw new InvalidOperationException($"{spec}: {result.Error}");
            errors.Add((measured(result) - requested).TotalMilliseconds);
        }

        return errors;
    }

    private static string[] Row(string name, List<double> errors)
    {
        var sorted = errors.Order().ToList();
        double At(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
        return [name, F(sorted[0], "F3"), F(At(0.5), "F3"), F(At(0.99), "F3"), F(sorted[^1], "F3"), F(errors.Average(Math.Abs), "F3")];
    }

    private static DateTimeOffset BextInstant(string path)
    {
        var bytes = File.ReadAllBytes(path);
        for (var pos = 12; pos + 8 <= bytes.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            if (bytes.AsSpan(pos, 4).SequenceEqual("bext"u8))
            {
                var date = DateOnly.ParseExact(System.Text.Encoding.ASCII.GetString(bytes, pos + 8 + 320, 10), "yyyy-MM-dd");
                var samples = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(pos + 8 + 338));
                var local = date.ToDateTime(TimeOnly.MinValue).AddTicks((long)(samples * (decimal)TimeSpan.TicksPerSecond / House.SampleRate));
                return new DateTimeOffset(local, Zone.GetUtcOffset(local));
            }

            pos += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no bext chunk.");
    }

    private static string InstallAlsaFileDevice(string work)
    {
        var conf = Path.Combine(work, "asound.conf");
        File.WriteAllText(conf, $$"""
            </usr/share/alsa/alsa.conf>
            pcm.bhbench { type file slave.pcm "null" file "{{Path.Combine(work, "alsa-out.raw")}}" format "raw" }
            """);
        setenv("ALSA_CONFIG_PATH", conf, 1);
        return "bhbench";
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int setenv(string name, string value, int overwrite);

    private sealed class ArrayProvider(float[] samples, WaveFormat format) : ISampleProvider
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
