using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using NAudio.Wave;

namespace BroadcastHub.Bench;

/// <summary>
/// (c) Gap between consecutive items through <see cref="RundownSampleProvider"/>: item boundaries (end of one, start
/// of the next, in output frames) and the joined audio compared sample by sample with each item played alone.
/// </summary>
public static class GapBench
{
    public static void Run(BenchFiles files, BenchReport report)
    {
        report.Heading("(c) Gap between consecutive items");
        var items = Items(files);
        report.Line("Items (house format 44.1 kHz mono): " + string.Join(", ", items.Select(i => $"{Path.GetFileName(i.Path)} ({i.Analysis.Codec}, "
            + $"{i.Analysis.SampleRate} Hz, {i.Analysis.Channels} ch, {i.Analysis.Frames} frames)")));
        var rows = new List<string[]>();
        foreach (var (name, target) in new[] { ("without loudness matching", LoudnessTarget.Off), ("with loudness matching (−16 LUFS, −1 dBTP)", new LoudnessTarget()) })
        {
            var factories = items.Select(i => PlayoutChain.Item(i.Path, target, i.Analysis.IntegratedLufs, i.Analysis.Channels)).ToList();
            var alone = factories.Select(f => Collect(f())).ToList();
            using var rundown = new RundownSampleProvider(PlayoutChain.House, factories);
            var joined = Collect(rundown);
            var gaps = Enumerable.Range(0, items.Count - 1).Select(i => rundown.StartFrameOf(i + 1) - rundown.EndFrameOf(i)).ToList();
            var expected = alone.SelectMany(a => a).ToArray();
            var mismatches = expected.Length == joined.Length ? expected.Where((x, i) => x != joined[i]).Count() : -1;
            var maxDiff = expected.Length == joined.Length ? expected.Select((x, i) => Math.Abs(x - joined[i])).Max() : double.NaN;
            var starts = string.Join(", ", Enumerable.Range(0, items.Count).Select(rundown.StartFrameOf));
            rows.Add([name, string.Join(", ", gaps), $"{joined.Length} (expected {expected.Length})", $"{mismatches} (largest difference {maxDiff:G2})", starts]);
        }

        report.Table(["chain", "gap between items (frames)", "total frames", "samples differing from items played alone", "item start frames"], rows);
    }

    private static List<(string Path, AudioAnalysis Analysis)> Items(BenchFiles files)
    {
        var root = FindRepoRoot();
        var paths = new List<string> { files.Mp3(1) };
        if (root is not null)
            paths.AddRange(new[] { "bulletin-vi-mono-22k-cbr64.mp3", "bulletin-vi-stereo-44k-vbr-id3.mp3", "tone-1k-48k-s24-stereo-3s.wav",
                "bulletin-vi-mono-16k-s16.wav" }.Select(f => Path.Combine(root, "tests", "fixtures", f)));
        return paths.Select(p => (p, AudioAnalyzer.Analyze(p))).ToList();
    }

    private static float[] Collect(ISampleProvider provider)
    {
        var all = new List<float>();
        PlayoutChain.Drain(provider, block => all.AddRange(block));
        (provider as IDisposable)?.Dispose();
        return all.ToArray();
    }

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BroadcastHub.sln"))) return dir.FullName;
        return null;
    }
}
