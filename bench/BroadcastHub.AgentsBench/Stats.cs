using System.Collections.Concurrent;
using System.Globalization;

namespace BroadcastHub.AgentsBench;

/// <summary>Latencies of one kind of request (thread-safe), with failures.</summary>
public sealed class Stats(string name)
{
    private readonly ConcurrentBag<double> _millis = [];
    private int _errors;

    public string Name { get; } = name;
    public int Count => _millis.Count;
    public int Errors => _errors;
    public string? FirstError { get; private set; }

    public void Add(double millis) => _millis.Add(millis);

    public void Fail(string error)
    {
        if (Interlocked.Increment(ref _errors) == 1) FirstError = error;
    }

    public double Percentile(double p)
    {
        var sorted = _millis.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"  {Name,-28} n={Count,6}  p50={Percentile(50),7:0.0} ms  p95={Percentile(95),7:0.0} ms  p99={Percentile(99),7:0.0} ms  max={Percentile(100),7:0.0} ms  errors={Errors}{(FirstError is null ? "" : " (" + FirstError + ")")}");
}
