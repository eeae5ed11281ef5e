using System.Diagnostics;
using System.Globalization;
using BroadcastHub.RelayBench;
using NAudio.Wave;

// Relay bench (issue 13): dotnet run -c Release --project bench/BroadcastHub.RelayBench [-- --zones 1,4,8 --seconds 60]
// For each zone count N: N zones relay one local live MP3 stream (a child process paced in real time) through the real
// relay chain; after 10 s of warm-up, CPU time of this process plus its ffmpeg children over --seconds of wall time,
// per zone in % of one core; and the latency of each marker burst from the instant the source sent its MP3 frame to
// the instant the paced output read it (p50/p95 over all zones).
if (args is ["--serve", var served])
{
    await SourceServer.RunAsync(served);
    return;
}

var inv = CultureInfo.InvariantCulture;
var zones = Arg("--zones", "1,4,8").Split(',').Select(z => int.Parse(z, inv)).ToArray();
var seconds = double.Parse(Arg("--seconds", "60"), inv);
var folder = Directory.CreateTempSubdirectory("bh-relaybench-").FullName;
var source = MarkerSource.Render(folder);
var server = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
foreach (var a in new[] { "--serve", source.Mp3Path }) server.ArgumentList.Add(a);
using var serverProcess = Process.Start(server)!;
var hello = (await serverProcess.StandardOutput.ReadLineAsync())!.Split(' ');
var serverStart = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(hello[1], inv));
var url = $"http://127.0.0.1:{hello[2]}/live.mp3";
var house = WaveFormat.CreateIeeeFloatWaveFormat(44100, 1);
Console.WriteLine($"Source {url}, markers every {MarkerSource.MarkerEverySeconds} s; house 44.1 kHz mono; {Environment.ProcessorCount} cores");
Console.WriteLine("zones | CPU % of one core (total) | per zone | latency p50 | p95 | max | markers | outage s");
try
{
    foreach (var n in zones) await RunAsync(n);
}
finally
{
    serverProcess.StandardInput.Close();
    if (!serverProcess.WaitForExit(5000)) serverProcess.Kill();
    Directory.Delete(folder, true);
}

async Task RunAsync(int n)
{
    var rigs = Enumerable.Range(0, n).Select(i => new ZoneRig(url, Path.Combine(folder, $"zone{i}-{n}.opus"), house)).ToList();
    try
    {
        await Task.WhenAll(rigs.Select(r => r.FirstAudio)).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        foreach (var rig in rigs) rig.Play();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var (cpu0, wall) = (CpuMeter.Now(serverProcess.Id), Stopwatch.StartNew());
        var from = TimeProvider.System.GetUtcNow();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var cpu = (CpuMeter.Now(serverProcess.Id) - cpu0).TotalSeconds / wall.Elapsed.TotalSeconds * 100;
        var until = TimeProvider.System.GetUtcNow();
        var sent = source.MarkerTimes(serverStart, until).Where(t => t >= from - TimeSpan.FromSeconds(2)).ToList();
        var latencies = rigs.SelectMany(r => r.Detector.Seen.Where(s => s >= from).Select(s => Latency(sent, s)))
            .Where(l => l is not null).Select(l => l!.Value).Order().ToList();
        Console.WriteLine(string.Create(inv, $"{n,5} | {cpu,25:0.0} | {cpu / n,8:0.00} | {P(latencies, 0.5),8:0} ms | {P(latencies, 0.95),4:0} ms | {(latencies.Count == 0 ? double.NaN : latencies[^1]),4:0} ms | {latencies.Count,7} | {rigs.Sum(r => r.OutageSeconds),8:0.0}"));
    }
    finally
    {
        foreach (var rig in rigs) rig.Dispose();
    }
}

static double? Latency(List<DateTimeOffset> sent, DateTimeOffset seen)
{
    var before = sent.Where(t => t <= seen).ToList();
    if (before.Count == 0) return null;
    var ms = (seen - before[^1]).TotalMilliseconds;
    return ms < MarkerSource.MarkerEverySeconds * 1000 ? ms : null;
}

static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
