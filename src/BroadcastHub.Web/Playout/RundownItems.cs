using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Playout;

/// <summary>Reads an occurrence's rundown with planned instants, and checks each item just before air.</summary>
public sealed class RundownItems(OccurrenceRepository occurrences, BulletinRepository bulletins, MediaStore media, AirtimeRecorder recorder)
{
    /// <summary>The items that pass the checks before air; the others are recorded Skipped or Failed now.</summary>
    public List<PlayableItem> Playable(Occurrence occ, IEnumerable<PlannedItem> planned)
    {
        var playable = new List<PlayableItem>();
        foreach (var (item, start, _) in planned)
        {
            var bulletin = bulletins.Find(item.BulletinId);
            if (bulletin is null || !bulletin.IsAirableOn(occ.LocalDate))
                recorder.NotAired(occ, item, start, AirtimeOutcome.Skipped, "not approved or not valid on this date");
            else if (!media.Exists(bulletin.PlayoutSha256))
                recorder.NotAired(occ, item, start, AirtimeOutcome.Failed, "the media file is missing from the station");
            else
                playable.Add(new PlayableItem(item.Position, bulletin, media.PathFor(bulletin.PlayoutSha256), start, item.NotBeforeSeconds));
        }
        return playable;
    }

    /// <summary>The rundown with each item's planned start (back to back from the occurrence's start).</summary>
    public IEnumerable<PlannedItem> Planned(Occurrence occ)
    {
        var rundown = occurrences.Rundown(occ.Id);
        var lengths = bulletins.FindMany(rundown.Select(r => r.BulletinId));
        var seconds = rundown.Select(r => lengths.TryGetValue(r.BulletinId, out var b) ? b.DurationSeconds : 0).ToList();
        var offsets = RundownTimeline.Offsets(rundown.Select((r, i) => (r.NotBeforeSeconds, seconds[i])));
        return rundown.Select((item, i) => new PlannedItem(item, occ.StartUtc.AddSeconds(offsets[i]), seconds[i])).ToList();
    }
}
