namespace BroadcastHub.Web.Features.Library;

/// <summary>A thread-safe map of at most <c>capacity</c> entries; adding one more drops the least recently used.</summary>
public sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _recent = new();
    private readonly Lock _lock = new();

    /// <summary>Entries held now (never more than the capacity).</summary>
    public int Count { get { lock (_lock) return _map.Count; } }

    /// <summary>The value under <paramref name="key"/>, marked as just used.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                value = default!;
                return false;
            }
            _recent.Remove(node);
            _recent.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
    }

    /// <summary>Stores or replaces a value, dropping the least recently used entries beyond the capacity.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_map.Remove(key, out var old)) _recent.Remove(old);
            _map[key] = _recent.AddFirst((key, value));
            while (_map.Count > Math.Max(1, capacity))
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
