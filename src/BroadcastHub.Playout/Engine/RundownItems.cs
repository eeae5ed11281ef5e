using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Playout;

/// <summary>Reads an occurrence's rundown with planned instants, and checks each item just before air.</summary>
public sealed class RundownItems(IPlayoutStore store, IPlayoutMedia media, AirtimeRecorder recorder)
{
    /// <summary>
    /// The items that pass the checks before air; the others are recorded Skipped or Failed now. Each item's media
    /// is resolved (and, on an agent, verified or fetched again) here, never aired corrupt.
    /// </summary>
    public async Task<List<PlayableItem>> PlayableAsync(Occurrence occ, IEnumerable<PlannedItem> planned, CancellationToken cancel)
    {
        var plannedItems = planned.ToList();
        var bulletins = store.Bulletins(plannedItems.Where(p => !p.Item.IsRelay).Select(p => p.Item.BulletinId));
        var relays = plannedItems.Any(p => p.Item.IsRelay) ? store.RelaySources(plannedItems.Where(p => p.Item.IsRelay).Select(p => p.Item.Relay!.SourceId))
            : new Dictionary<long, Core.Relay.RelaySource>();
        var playable = new List<PlayableItem>();
        foreach (var one in plannedItems)
        {
            var (item, start, _) = one;
            if (item.Relay is { } relay)
            {
                if (relays.TryGetValue(relay.SourceId, out var source)) playable.Add(PlayableItem.ForRelay(one, source));
                else recorder.NotAired(occ, item, start, AirtimeOutcome.Skipped, "the relay source no longer exists");
                continue;
            }
            if (!bulletins.TryGetValue(item.BulletinId, out var bulletin) || !bulletin.IsAirableOn(occ.LocalDate))
            {
                recorder.NotAired(occ, item, start, AirtimeOutcome.Skipped, "not approved or not valid on this date");
                continue;
            }
            var found = await media.ResolveAsync(bulletin.PlayoutSha256, cancel);
            if (found.Path is { } path)
                playable.Add(new PlayableItem(item.Position, bulletin, path, start, item.NotBeforeSeconds));
            else
                recorder.NotAired(occ, item, start, AirtimeOutcome.Failed, found.Error ?? "the media file is missing from the station");
        }
        return playable;
    }

    /// <summary>
    /// The rundown with each item's planned start (back to back from the occurrence's start) and length: a bulletin's
    /// duration, a relay's booked seconds, or for a relay until the session's end what is left of the session.
    /// </summary>
    public IEnumerable<PlannedItem> Planned(Occurrence occ)
    {
        var rundown = store.Rundown(occ.Id);
        var lengths = store.Bulletins(rundown.Where(r => !r.IsRelay).Select(r => r.BulletinId));
        var plan = RundownTimeline.Plan(rundown.Select(r => (r.NotBeforeSeconds,
            r.Relay is { } relay ? relay.Seconds : lengths.TryGetValue(r.BulletinId, out var b) ? b.DurationSeconds : 0)), (occ.EndUtc - occ.StartUtc).TotalSeconds);
        return rundown.Select((item, i) => new PlannedItem(item, occ.StartUtc.AddSeconds(plan[i].Offset), plan[i].Seconds)).ToList();
    }
}
