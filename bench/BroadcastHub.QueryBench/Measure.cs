using System.Diagnostics;
using System.Globalization;

namespace BroadcastHub.QueryBench;

/// <summary>One measured query: its timings in milliseconds after warm-up runs, and what it returned.</summary>
public sealed record Measure(string Name, int Runs, double P50, double P95, double Max, string Returned)
{
    /// <summary>Runs <paramref name="work"/> (given the run number) <paramref name="warmup"/> times untimed, then <paramref name="runs"/> times timed.</summary>
    public static Measure Of(string name, int runs, int warmup, Func<int, string> work)
    {
        for (var i = 0; i < warmup; i++) work(-1 - i);
        var times = new double[runs];
        var returned = "";
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            returned = work(i);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new Measure(name, runs, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], returned);
    }

    public string Row => string.Create(CultureInfo.InvariantCulture, $"| {Name} | {Runs} | {P50:0.0} | **{P95:0.0}** | {Max:0.0} | {Returned} |");

    // Nearest-rank percentile.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
