using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>Something the dashboard shows changed; <paramref name="ZoneId"/> is null for station-wide changes (alerts).</summary>
public sealed record DashboardChange(string Kind, long? ZoneId);

/// <summary>
/// Fans dashboard changes out to the connected browsers. Each listener has a small mailbox that keeps the newest
/// changes: a slow browser refreshes a few times at most, however many changes it missed.
/// </summary>
public sealed class DashboardSignal
{
    private readonly ConcurrentDictionary<Guid, Listener> _listeners = new();

    /// <summary>True while at least one browser listens: the watch only polls then.</summary>
    public bool HasListeners => !_listeners.IsEmpty;

    /// <summary>Tells every listener whose filter accepts the change.</summary>
    public void Raise(DashboardChange change)
    {
        foreach (var listener in _listeners.Values)
            if (change.ZoneId is not { } zone || listener.CoversZone(zone)) listener.Mailbox.Writer.TryWrite(change);
    }

    /// <summary>Starts listening for the changes of the zones <paramref name="coversZone"/> accepts; dispose to stop.</summary>
    public Listener Listen(Func<long, bool> coversZone)
    {
        var listener = new Listener(this, coversZone);
        _listeners[listener.Id] = listener;
        return listener;
    }

    /// <summary>One browser's subscription.</summary>
    public sealed class Listener(DashboardSignal owner, Func<long, bool> coversZone) : IDisposable
    {
        internal Guid Id { get; } = Guid.NewGuid();

        internal Func<long, bool> CoversZone { get; } = coversZone;

        internal Channel<DashboardChange> Mailbox { get; } = Channel.CreateBounded<DashboardChange>(
            new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        /// <summary>The next change, or null when <paramref name="timeout"/> passed first (time for a heartbeat).</summary>
        public async Task<DashboardChange?> NextAsync(TimeSpan timeout, CancellationToken cancel)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            wait.CancelAfter(timeout);
            try
            {
                return await Mailbox.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return null;
            }
        }

        public void Dispose() => owner._listeners.TryRemove(Id, out _);
    }
}
