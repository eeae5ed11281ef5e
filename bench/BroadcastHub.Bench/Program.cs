using BroadcastHub.Bench;

// dotnet run -c Release --project bench/BroadcastHub.Bench -- all [--work DIR] [--starts N] [--alsa-card DEVICE]
// Verbs: all, throughput, start-error, gap, memory, aac-intake (memory-child FILE is used internally).
var verb = args.Length > 0 ? args[0] : "all";
var work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "broadcasthub-bench");
var starts = int.Parse(Option(args, "--starts") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
Directory.CreateDirectory(work);

if (verb == "memory-child") return MemoryBench.Child(args[1]);

var report = new BenchReport(work);
report.Machine();
var files = new BenchFiles(work);
if (verb is "all" or "throughput") ThroughputBench.Run(files, report);
if (verb is "all" or "start-error") await StartErrorBench.RunAsync(work, starts, Option(args, "--alsa-card"), report);
if (verb is "all" or "gap") GapBench.Run(files, report);
if (verb is "all" or "memory") MemoryBench.Run(files, report);
if (verb is "all" or "aac-intake") AacIntakeBench.Run(files, report);
if (verb is not ("all" or "throughput" or "start-error" or "gap" or "memory" or "aac-intake"))
{
    Console.Error.WriteLine($"Unknown benchmark '{verb}'. Use all, throughput, start-error, gap, memory or aac-intake.");
    return 2;
}

report.Save();
return 0;

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
