using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Data.Repositories;

/// <summary>One stored rundown item as read back: a bulletin (<c>bulletin_id</c>) or a relay (<c>relay_source_id</c>, NULL bulletin).</summary>
internal sealed class RundownRow
{
    /// <summary>The select list for this class, with the columns of table alias <paramref name="alias"/> (e.g. <c>"r."</c>).</summary>
    public static string Columns(string alias = "") =>
        $"{alias}occurrence_id AS OccurrenceId, {alias}position AS Position, {alias}bulletin_id AS BulletinId, {alias}booking_id AS BookingId, "
        + $"{alias}not_before_seconds AS NotBefore, {alias}fill AS Fill, {alias}relay_source_id AS RelaySourceId, {alias}relay_seconds AS RelaySeconds";

    public long OccurrenceId { get; set; }
    public long Position { get; set; }
    public long? BulletinId { get; set; }
    public long? BookingId { get; set; }
    public double? NotBefore { get; set; }
    public string? Fill { get; set; }
    public long? RelaySourceId { get; set; }
    public double? RelaySeconds { get; set; }

    public RundownItem ToItem() => new(OccurrenceId, (int)Position, BulletinId ?? 0, BookingId, NotBefore,
        Fill is null ? null : Enum.Parse<RundownFill>(Fill), RelaySourceId is { } source ? new RelayRundown(source, RelaySeconds) : null);
}
