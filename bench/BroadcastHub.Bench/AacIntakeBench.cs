using System.Diagnostics;
using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding.Ffmpeg;
using static BroadcastHub.Bench.BenchReport;

namespace BroadcastHub.Bench;

/// <summary>
/// (e) Upload intake of an hour of AAC (issue 14): ffmpeg decodes the M4A into the WAV house copy, then the managed
/// analysis measures it — the work an upload of a phone recording costs before the bulletin is stored.
/// </summary>
public static class AacIntakeBench
{
    public static void Run(BenchFiles files, BenchReport report)
    {
        var path = files.Aac(60);
        var house = Path.Combine(Path.GetDirectoryName(path)!, "house-copy.wav");
        var decoder = new FfmpegDecoder(new FfmpegTools(null));
        MediaIntake.Analyze(files.Aac(1), house, decoder); // warm-up: JIT, ffmpeg in the page cache
        File.Delete(house);

        var total = Stopwatch.StartNew();
        var decode = Stopwatch.StartNew();
        decoder.DecodeToWav(path, FfmpegContainer.Mp4, house);
        decode.Stop();
        var analyse = Stopwatch.StartNew();
        var analysis = AudioAnalyzer.Analyze(house);
        analyse.Stop();
        total.Stop();
        var houseBytes = new FileInfo(house).Length;
        File.Delete(house);
        var seconds = analysis.DurationSeconds;

        report.Heading("(e) Upload intake of an hour of AAC (ffmpeg decode → WAV house copy → analysis)");
        report.Line($"File: {Path.GetFileName(path)}, {F(seconds / 60, "F1")} min, {new FileInfo(path).Length / 1024 / 1024} MiB "
                    + $"(AAC-LC 64 kbps mono 48 kHz, ffmpeg's encoder). One run; the machine is shared, so figures vary.");
        report.Table(["step", "time (s)", "× realtime"],
        [
            ["ffmpeg decode to 32-bit float WAV (the house copy)", F(decode.Elapsed.TotalSeconds, "F1"), F(seconds / decode.Elapsed.TotalSeconds, "F0")],
            ["analysis of the house copy (BS.1770, 4× true peak, silence)", F(analyse.Elapsed.TotalSeconds, "F1"), F(seconds / analyse.Elapsed.TotalSeconds, "F0")],
            ["whole intake", F(total.Elapsed.TotalSeconds, "F1"), F(seconds / total.Elapsed.TotalSeconds, "F0")],
        ]);
        report.Line($"House copy: {houseBytes / 1024 / 1024} MiB for the hour ({F(houseBytes / seconds / 1024, "F0")} KiB/s); "
                    + $"integrated {F(analysis.IntegratedLufs, "F1")} LUFS, {analysis.Frames} frames.");
    }
}
