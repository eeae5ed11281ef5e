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

    public static async Task RunAsync(string work, int starts, string? cardDevice, BenchReport report)
    {
        report.Heading($"(b) Start error over {starts} timed starts");
        report.Line($"Each start: a fresh output, a 500 ms source (longer than the 100 ms ALSA buffer, so the stream runs before it drains), requested {Lead.TotalMilliseconds:0} ms ahead; error = measured first-sample instant − requested (ms).");
        var settings = new PlayoutOutputSettings(House, Path.Combine(work, "starts"), Zone, TimeProvider.System);
        var rows = new List<string[]>();
        var fileErrors = await MeasureAsync(starts, "file", settings, (r, _) => BextInstant(r.RecordingPath!));
        rows.Add(Row("`file` (paced BWF; instant from bext)", fileErrors));
        var alsaDevice = InstallAlsaFileDevice(work);
        if (AlsaWavePlayer.TryProbe(alsaDevice, out var error))
        {
            rows.Add(Row("`alsa:bhbench` (file plugin → null; instant the device thread took the first frames)",
                await MeasureAsync(starts, $"alsa:{alsaDevice}", settings, (_, source) => source.FirstReadAt!.Value)));
            var own = await MeasureAsync(10, $"alsa:{alsaDevice}", settings, (r, _) => r.ActualStart);
            report.Line($"The ALSA output's own first-frame instant on this device is {F(own.Average(), "F1")} ms on average: the `null` "
                        + "slave consumes without a clock, so the stream never runs at a real rate and the output falls back to "
                        + "`drain end − frames written`, which only holds on a real (clocked) card. The ALSA row is the instant the ALSA playback thread "
                        + "pulled the first frames to write them; on a clocked card the first frame is heard once the start threshold "
                        + "(one 100 ms buffer, written at memory speed from the decoded source) is filled, i.e. a fraction of a millisecond later.");
        }
        else report.Line($"ALSA skipped: {error}");
        if (cardDevice is not null)
            rows.Add(Row($"`alsa:{cardDevice}` (sound card; instant the output measured with snd_pcm_delay)",
                await MeasureAsync(starts, $"alsa:{cardDevice}", settings, (r, _) => r.ActualStart)));
        report.Table(["output", "min", "median", "p99", "max", "mean |error|"], rows);
        Directory.Delete(Path.Combine(work, "starts"), recursive: true);
    }

    private static async Task<List<double>> MeasureAsync(
        int starts, string spec, PlayoutOutputSettings settings, Func<PlayoutReport, StampedSource, DateTimeOffset> measured)
    {
        var errors = new List<double>();
        var source = new float[House.SampleRate / 2];
        for (var i = 0; i < starts; i++)
        {
            using var output = PlayoutOutputFactory.Create(spec, settings);
            var requested = TimeProvider.System.GetUtcNow() + Lead;
            var provider = new StampedSource(source, House);
            var result = await output.PlayAsync(new PlayoutRequest(provider, requested, $"start{i:000}"), default);
            if (result.Error is not null) throw new InvalidOperationException($"{spec}: {result.Error}");
            errors.Add((measured(result, provider) - requested).TotalMilliseconds);
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
        var raw = Path.Combine(work, "alsa-out.raw");
        File.WriteAllText(conf, $$"""
            </usr/share/alsa/alsa.conf>
            pcm.bhbench { type file slave.pcm "null" file "{{raw}}" format "raw" }
            """);
        setenv("ALSA_CONFIG_PATH", conf, 1);
        return "bhbench";
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int setenv(string name, string value, int overwrite);

    /// <summary>An array source that notes when its first frames were read.</summary>
    private sealed class StampedSource(float[] samples, WaveFormat format) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat => format;

        public DateTimeOffset? FirstReadAt { get; private set; }

        public int Read(Span<float> buffer)
        {
            FirstReadAt ??= TimeProvider.System.GetUtcNow();
            var n = Math.Min(buffer.Length, samples.Length - _position);
            samples.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
