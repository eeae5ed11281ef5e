using BroadcastHub.Audio.Loudness;
using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Scheduling;
using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// The relay items of one occurrence: each stream is opened <c>PrerollSeconds</c> before its item's planned start (at
/// once when that is past), so the relay starts on the instant with what the source sends live then; a stream that
/// cannot be reached raises <see cref="RelayAlert"/> before the slot. Disposed when the occurrence is done.
/// </summary>
public sealed class RelayStreams : IDisposable
{
    private readonly RelayAir _air;
    private readonly Occurrence _occ;
    private readonly Dictionary<int, (PlannedItem Item, RelaySource? Source)> _items;
    private readonly Dictionary<int, (LiveStream Stream, RelayRecording? Recording)> _open = [];
    private readonly Dictionary<int, RelayOnAir> _onAir = [];
    private readonly CancellationTokenSource _stop = new();
    private RelayFill _fill;
    private bool _disposed;

    internal RelayStreams(RelayAir air, Occurrence occ, IReadOnlyList<PlannedItem> relays, IReadOnlyDictionary<long, RelaySource> sources)
    {
        (_air, _occ) = (air, occ);
        _fill = air.Silence();
        _items = relays.ToDictionary(r => r.Item.Position, r => (r, sources.GetValueOrDefault(r.Item.Relay!.SourceId)));
        if (_items.Count > 0) _ = Task.Run(() => OpenAtPrerollAsync(_stop.Token));
    }

    /// <summary>The relay source of the item at <paramref name="position"/>, or null when it is gone.</summary>
    public RelaySource? SourceOf(int position) => _items.TryGetValue(position, out var i) ? i.Source : null;

    /// <summary>The chain of the relay at <paramref name="position"/> as it aired last, or null when it never did.</summary>
    public RelayOnAir? OnAir(int position)
    {
        lock (_onAir) return _onAir.GetValueOrDefault(position);
    }

    /// <summary>Builds the audio chain of a relay item of <paramref name="frames"/> frames (its stream opened now if not yet).</summary>
    public ISampleProvider Chain(PlayableItem item, long frames, LoudnessTarget target)
    {
        var (stream, recording) = Open(item.Position);
        var onAir = new RelayOnAir(new RelayItemProvider(stream, frames, _fill), recording, target, _air.Options.LevellerMaxGainDb, _air.DataPath);
        lock (_onAir) _onAir[item.Position] = onAir;
        return onAir.Chain;
    }

    private async Task OpenAtPrerollAsync(CancellationToken stop)
    {
        try
        {
            _fill = await _air.FillAsync(_occ, stop);
            var preroll = TimeSpan.FromSeconds(_air.Options.PrerollSeconds);
            foreach (var (position, (item, source)) in _items.OrderBy(i => i.Value.Item.Start))
            {
                if (source is null)
                {
                    _air.Raise(_occ, item, $"#{item.Item.Relay!.SourceId}", "the relay source no longer exists");
                    continue;
                }
                for (var wait = item.Start - preroll - _air.Clock.UtcNow; wait > TimeSpan.Zero; wait = item.Start - preroll - _air.Clock.UtcNow)
                    await Task.Delay(wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), _air.Clock.Time, stop);
                Open(position);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private (LiveStream, RelayRecording?) Open(int position)
    {
        lock (_open)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_open.TryGetValue(position, out var open)) return open;
            var (item, source) = _items[position];
            open = _air.Open(_occ, item, source ?? throw new InvalidOperationException($"relay source {item.Item.Relay!.SourceId} is gone"));
            _open[position] = open;
            return open;
        }
    }

    /// <summary>Closes every stream (and any recording not completed).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        lock (_open)
        {
            _disposed = true;
            foreach (var (stream, recording) in _open.Values)
            {
                stream.Dispose();
                recording?.Dispose();
            }
            _open.Clear();
        }
        _fill.Dispose();
        foreach (var (item, _) in _items.Values) _air.Alerts.Clear(_occ.Id, item.Item.Position);
    }
}
