using BroadcastHub.Core.Library;
using BroadcastHub.Core.Relay;

namespace BroadcastHub.Playout;

/// <summary>
/// A rundown item that passed the checks before air: approved, valid today, its file present. A relay item carries
/// its <paramref name="Relay"/> source; its <paramref name="Bulletin"/> is then only a stand-in (id 0, the source's
/// name as title, the planned length as duration) for what shows what is on air.
/// </summary>
public sealed record PlayableItem(int Position, Bulletin Bulletin, string MediaPath, DateTimeOffset ScheduledStart, double? NotBeforeSeconds = null,
    RelaySource? Relay = null)
{
    private const int StandInRate = 48000;

    /// <summary>A relay item of <paramref name="planned"/>'s length from <paramref name="source"/>.</summary>
    public static PlayableItem ForRelay(PlannedItem planned, RelaySource source) =>
        new(planned.Item.Position,
            new Bulletin { Id = 0, Title = source.Name, OriginalFileName = source.Url, Sha256 = "", Codec = "relay",
                SampleRate = StandInRate, Frames = (long)Math.Round(planned.Seconds * StandInRate) },
            "", planned.Start, planned.Item.NotBeforeSeconds, source);

    /// <summary>The rundown item this is (what a record of it not airing names).</summary>
    public Core.Scheduling.RundownItem AsRundownItem(long occurrenceId) =>
        new(occurrenceId, Position, Bulletin.Id, null, NotBeforeSeconds, null, Relay is { } r ? new Core.Scheduling.RelayRundown(r.Id, Bulletin.DurationSeconds) : null);
}

/// <summary>A rundown item with its planned start and length.</summary>
public sealed record PlannedItem(Core.Scheduling.RundownItem Item, DateTimeOffset Start, double Seconds);
