using System.Data;
using System.Data.Common;
using System.Diagnostics;

namespace BroadcastHub.Data;

/// <summary>
/// One web request's view of <see cref="DataVersion"/>: the version is read from the database once and reused by the
/// request's later cached reads, instead of one round trip each (on PostgreSQL a page made ~4). It is forgotten whenever
/// the request opens or closes a connection of its own (<see cref="AppDatabase.Open"/>) and never remembered while one
/// is open, so a request that writes reads the version afresh after its commit and sees its own change; a write by
/// anyone else (another node) acknowledged before the request began is seen because the request reads the version after
/// it began. Kept at most <see cref="MaxAge"/>, so even a long request does not hold an old version for long.
/// </summary>
public sealed class DataVersionScope : IDisposable
{
    /// <summary>How long one read of the version serves the request.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private static readonly AsyncLocal<DataVersionScope?> Active = new();

    private readonly Lock _gate = new();
    private readonly DataVersionScope? _outer;
    private long? _version;
    private long _readAt;
    private int _open;
    private long _epoch;   // moves whenever a connection of the scope opens or closes
    private bool _ended;

    private DataVersionScope(DataVersion owner)
    {
        Owner = owner;
        _outer = Active.Value;
        Active.Value = this;
    }

    internal DataVersion Owner { get; }

    /// <summary>Starts a scope for the current async flow (a request); dispose it when the request ends.</summary>
    internal static DataVersionScope Begin(DataVersion owner) => new(owner);

    /// <summary>The scope of the current flow for <paramref name="owner"/>, if any.</summary>
    internal static DataVersionScope? Of(DataVersion owner) => Active.Value is { } s && s.Owner == owner ? s : null;

    /// <summary>The remembered version, if usable; else false and the epoch to pass to <see cref="Remember"/>.</summary>
    internal bool TryGet(out long version, out long epoch)
    {
        lock (_gate)
        {
            (version, epoch) = (_version ?? 0, _epoch);
            return _version is not null && _open == 0 && !_ended && Stopwatch.GetElapsedTime(_readAt) < MaxAge;
        }
    }

    /// <summary>Remembers a version read since <paramref name="epoch"/>, unless a connection opened or closed meanwhile.</summary>
    internal void Remember(long version, long epoch)
    {
        lock (_gate)
        {
            if (_open != 0 || _epoch != epoch) return;
            (_version, _readAt) = (version, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>A connection of this request opened: forget the version until it is closed again.</summary>
    internal void Track(DbConnection connection)
    {
        lock (_gate)
        {
            _open++;
            _epoch++;
            _version = null;
        }
        var closed = 0;
        void OnChange(object? sender, StateChangeEventArgs e)
        {
            if (e.CurrentState != ConnectionState.Closed || Interlocked.Exchange(ref closed, 1) != 0) return;
            connection.StateChange -= OnChange;
            lock (_gate)
            {
                _open--;
                _epoch++;
                _version = null;
            }
        }
        connection.StateChange += OnChange;
    }

    /// <summary>
    /// Ends the scope; the flow's reads check the database each time again, and so does work the request started that
    /// outlives it (its execution context still refers to this scope).
    /// </summary>
    public void Dispose()
    {
        lock (_gate) _ended = true;
        if (Active.Value == this) Active.Value = _outer;
    }
}
