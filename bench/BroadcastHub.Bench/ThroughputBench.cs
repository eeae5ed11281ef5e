using System.Diagnostics;
using System.Text.RegularExpressions;
using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using NAudio.Wave;
using static BroadcastHub.Bench.BenchReport;

namespace BroadcastHub.Bench;

/// <summary>(a) Decode + analyse a 10-minute 128 kbps stereo MP3, in × realtime, against ffmpeg's ebur128 on the same file.</summary>
public static partial class ThroughputBench
{
    private const int Runs = 3;

    public static void Run(BenchFiles files, BenchReport report)
    {
        var path = files.Mp3(10);
        AudioAnalyzer.Analyze(files.Mp3(1)); // JIT warm-up
        var seconds = AudioAnalyzer.Analyze(path).DurationSeconds;
        report.Heading("(a) Decode + analyse throughput");
        report.Line($"File: {Path.GetFileName(path)}, {F(seconds, "F1")} s, {new FileInfo(path).Length / 1024} KiB. "
                    + $"Median of {Runs} runs (wall clock; the machine is shared, so figures vary by ±15 %).");

        AudioAnalysis ours = null!;
        var analyse = Median(() => ours = AudioAnalyzer.Analyze(path));
        var decode = Median(() => Drain(AudioDecoder.Open(path), s => s));
        var playout = Median(() => Drain(AudioDecoder.Open(path), s => LoudnessMatch.Apply(
            HouseFormat.Convert(s, WaveFormat.CreateIeeeFloatWaveFormat(44100, 1)), ours.IntegratedLufs, new LoudnessTarget(), 2)));
        string ffmpegOut = "";
        var ffmpeg = Median(() => ffmpegOut = BenchFiles.Run("ffmpeg", "-hide_banner", "-nostats", "-i", path,
            "-af", "ebur128=peak=true", "-f", "null", "-"));
        var (ffI, ffPeak) = ParseEbur128(ffmpegOut);

        report.Table(["what", "time (s)", "× realtime", "integrated", "true peak"],
        [
            ["BroadcastHub AudioAnalyzer.Analyze (decode + BS.1770 + 4× true peak + stats)", F(analyse, "F3"), F(seconds / analyse, "F0"),
                $"{F(ours.IntegratedLufs, "F1")} LUFS", $"{F(ours.TruePeakDbtp, "F1")} dBTP"],
            ["`ffmpeg -i f.mp3 -af ebur128=peak=true -f null -`", F(ffmpeg, "F3"), F(seconds / ffmpeg, "F0"), $"{ffI} LUFS", $"{ffPeak} dBTP"],
            ["BroadcastHub decode only (NLayer, gapless trim)", F(decode, "F3"), F(seconds / decode, "F0"), "", ""],
            ["BroadcastHub playout chain: decode → 44.1 kHz mono → gain + true-peak limiter", F(playout, "F3"), F(seconds / playout, "F0"), "", ""],
        ]);
        report.Line($"Ratio BroadcastHub analyse / ffmpeg ebur128 speed: {F(ffmpeg / analyse)} (above 1 = faster than ffmpeg).");
    }

    private static double Median(Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[Runs / 2];
    }

    private static void Drain(IAudioSource source, Func<IAudioSource, ISampleProvider> chain)
    {
        using (source)
        {
            var provider = chain(source);
            var buffer = new float[8192];
            while (provider.Read(buffer) > 0) { }
        }
    }

    private static (string I, string Peak) ParseEbur128(string output)
    {
        var summary = output[Math.Max(0, output.LastIndexOf("Summary:", StringComparison.Ordinal))..];
        var i = IntegratedRegex().Match(summary);
        var peak = PeakRegex().Match(summary);
        return (i.Success ? i.Groups[1].Value : "?", peak.Success ? peak.Groups[1].Value : "?");
    }

    [GeneratedRegex(@"I:\s+(-?[\d.]+) LUFS")]
    private static partial Regex IntegratedRegex();

    [GeneratedRegex(@"Peak:\s+(-?[\d.]+) dBFS")]
    private static partial Regex PeakRegex();
}
