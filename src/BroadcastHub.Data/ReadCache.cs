using System.Collections.Concurrent;

namespace BroadcastHub.Data;

/// <summary>
/// Remembers query results until the database changes (<see cref="DataVersion"/>): a page asked for by many clients is
/// computed once per change, never served stale. Results must be immutable. A result that also depends on the clock
/// passes a <c>window</c> (e.g. the current minute): it is reused only within that window, under the same key, so the
/// cache does not grow with time. At most <see cref="MaxEntries"/> keys are kept; beyond that the cache starts afresh.
/// </summary>
public sealed class ReadCache(DataVersion version, bool enabled = true)
{
    /// <summary>How many distinct keys are kept at most.</summary>
    public const int MaxEntries = 512;

    private sealed record Entry(long Version, long Window, Lazy<object> Value);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>
    /// The result for <paramref name="key"/> at the database's current version (and <paramref name="window"/>),
    /// computing it at most once per version. A failure is not remembered: the next call computes again.
    /// </summary>
    public T Get<T>(string key, Func<T> compute, long window = 0) where T : class
    {
        if (!enabled) return compute();
        // Read the version before computing: a commit racing with the query can only make the result newer than its
        // version, and the next call then sees a new version and recomputes.
        var now = version.Current();
        if (_entries.TryGetValue(key, out var known) && known.Version == now && known.Window == window) return (T)known.Value.Value;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        var entry = _entries.AddOrUpdate(key, _ => Fresh(now, window, compute),
            (_, old) => old.Version == now && old.Window == window ? old : Fresh(now, window, compute));
        try
        {
            return (T)entry.Value.Value;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private static Entry Fresh<T>(long now, long window, Func<T> compute) where T : class =>
        new(now, window, new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
}
