using BroadcastHub.Core.Library;
using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Titles and lengths of rundown items, bulletins and relays alike, read in two queries.</summary>
public sealed class RundownLabels(BulletinRepository bulletins, RelaySourceRepository relays)
{
    /// <summary>The lookup for these items (bulletin ids and relays).</summary>
    public Lookup For(IEnumerable<(long BulletinId, RelayRundown? Relay)> items)
    {
        var list = items.ToList();
        return new Lookup(bulletins.FindMany(list.Where(i => i.Relay is null).Select(i => i.BulletinId).Distinct()),
            relays.FindMany(list.Where(i => i.Relay is not null).Select(i => i.Relay!.SourceId).Distinct()));
    }

    /// <summary>What the items are.</summary>
    public sealed class Lookup(IReadOnlyDictionary<long, Bulletin> bulletins, IReadOnlyDictionary<long, RelaySource> sources)
    {
        /// <summary>The bulletins found.</summary>
        public IReadOnlyDictionary<long, Bulletin> Bulletins => bulletins;

        /// <summary>The relay source of a relay item, or null.</summary>
        public RelaySource? Source(RelayRundown? relay) => relay is not null && sources.TryGetValue(relay.SourceId, out var s) ? s : null;

        /// <summary>A bulletin's title, or "Tiếp sóng: name" for a relay.</summary>
        public string Title(long bulletinId, RelayRundown? relay) => relay is not null
            ? Msg.Get("RelayItemTitle", Source(relay)?.Name ?? "#" + relay.SourceId)
            : bulletins.TryGetValue(bulletinId, out var b) ? b.Title : "#" + bulletinId;

        /// <summary>A bulletin's length, a relay's booked seconds, or null for a relay until the session's end.</summary>
        public double? Seconds(long bulletinId, RelayRundown? relay) => relay is not null ? relay.Seconds
            : bulletins.TryGetValue(bulletinId, out var b) ? b.DurationSeconds : 0;
    }
}
