using System.Diagnostics;
using System.Globalization;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using static BroadcastHub.Bench.BenchReport;

namespace BroadcastHub.Bench;

/// <summary>
/// (d) Peak memory playing a 1-minute and a 60-minute file through the engine's chain (rundown → session limit,
/// loudness matched), pulled as fast as it decodes. Each runs in a fresh child process that reports its peak
/// resident set (VmHWM) and managed heap.
/// </summary>
public static class MemoryBench
{
    private const double ItemLufs = -20; // the stored figure the engine would pass; the child does not analyse

    public static void Run(BenchFiles files, BenchReport report)
    {
        report.Heading("(d) Peak memory, 1-minute vs 60-minute file");
        var results = new[] { 1, 60 }.Select(m => (Minutes: m, Child: RunChild(files.Mp3(m)))).ToList();
        report.Table(["file", "frames played", "time (s)", "peak RSS (MiB)", "peak managed heap (MiB)", "allocated in total (MiB)"],
            results.Select(r => new[] { $"{r.Minutes} min 128 kbps stereo MP3", r.Child["frames"], r.Child["seconds"],
                Mib(r.Child["vmhwm"]), Mib(r.Child["heap"]), Mib(r.Child["allocated"]) }));
        var delta = (double.Parse(results[1].Child["vmhwm"], CultureInfo.InvariantCulture)
                     - double.Parse(results[0].Child["vmhwm"], CultureInfo.InvariantCulture)) / (1024 * 1024);
        report.Line($"Peak RSS difference 60 min − 1 min: {F(delta)} MiB (goal: under 10 MB).");
    }

    /// <summary>Child process: plays <paramref name="path"/> through the chain and prints key=value figures.</summary>
    public static int Child(string path)
    {
        var watch = Stopwatch.StartNew();
        using var rundown = new RundownSampleProvider(PlayoutChain.House,
            [PlayoutChain.Item(path, new LoudnessTarget(), ItemLufs, 2)]);
        var limit = new FrameLimitSampleProvider(rundown, 2L * 3600 * 44100, 3 * 44100);
        var frames = PlayoutChain.Drain(limit);
        var seconds = watch.Elapsed.TotalSeconds;
        var heap = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"frames={frames} seconds={seconds:F1} vmhwm={PeakRss()} heap={Math.Max(heap, GC.GetTotalMemory(false))} allocated={GC.GetTotalAllocatedBytes()}"));
        return 0;
    }

    private static Dictionary<string, string> RunChild(string path)
    {
        var self = Environment.ProcessPath!;
        var args = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new[] { typeof(MemoryBench).Assembly.Location, "memory-child", path }
            : ["memory-child", path];
        var output = BenchFiles.Run(self, args);
        var line = output.Split('\n').Last(l => l.StartsWith("frames=", StringComparison.Ordinal));
        return line.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1].Trim());
    }

    private static long PeakRss()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mib(string bytes) => F(double.Parse(bytes, CultureInfo.InvariantCulture) / (1024 * 1024), "F1");
}
