using System.Collections.Concurrent;

namespace BroadcastHub.Data;

/// <summary>
/// Remembers query results until the database changes (<see cref="DataVersion"/>): a page asked for by many clients is
/// computed once per change, never served stale. Results must be immutable. At most <see cref="MaxEntries"/> keys
/// are kept; beyond that the cache starts afresh.
/// </summary>
public sealed class ReadCache(DataVersion version, bool enabled = true)
{
    /// <summary>How many distinct keys are kept at most.</summary>
    public const int MaxEntries = 512;

    private sealed record Entry(long Version, Lazy<object> Value);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>The result for <paramref name="key"/> at the database's current version, computing it at most once per version.</summary>
    public T Get<T>(string key, Func<T> compute) where T : class
    {
        if (!enabled) return compute();
        // Read the version before computing: a commit racing with the query can only make the result newer than its
        // version, and the next call then sees a new version and recomputes.
        var now = version.Current();
        if (_entries.TryGetValue(key, out var known) && known.Version == now) return (T)known.Value.Value;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        var entry = _entries.AddOrUpdate(key, _ => Fresh(now, compute), (_, old) => old.Version == now ? old : Fresh(now, compute));
        return (T)entry.Value.Value;
    }

    private static Entry Fresh<T>(long now, Func<T> compute) where T : class =>
        new(now, new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
}
