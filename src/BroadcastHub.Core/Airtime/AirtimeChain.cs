using System.Globalization;
using System.Text;

namespace BroadcastHub.Core.Airtime;

/// <summary>The fields of one airtime record exactly as they are stored, which its chain hash covers.</summary>
/// <param name="Id">Record id (the chain's order).</param>
/// <param name="OccurrenceId">Occurrence.</param>
/// <param name="Position">Rundown position.</param>
/// <param name="BulletinId">Bulletin; null for a relay record (form 3).</param>
/// <param name="ScheduledStart">Stored text of the planned start (fixed-width UTC instant).</param>
/// <param name="ActualStart">Stored text of the first sample's instant, or null.</param>
/// <param name="ActualEnd">Stored text of the last sample's instant, or null.</param>
/// <param name="PlayedSeconds">Seconds that aired.</param>
/// <param name="Outcome">Stored outcome name.</param>
/// <param name="Error">Stored error text, or null.</param>
/// <param name="RecordedAt">Stored text of the instant the record was written.</param>
/// <param name="Place">Where it aired and what exactly (form 2 and later); null for form-1 records.</param>
/// <param name="Relay">What a relay record adds (form 3); null for a bulletin's record.</param>
public sealed record AirtimeChainEntry(
    long Id, long OccurrenceId, long Position, long? BulletinId, string ScheduledStart, string? ActualStart, string? ActualEnd,
    double PlayedSeconds, string Outcome, string? Error, string RecordedAt, AirtimeChainPlace? Place = null, AirtimeChainRelay? Relay = null)
{
    /// <summary>The canonical form the record is hashed in: 3 for a relay, 2 when it carries its place, else 1.</summary>
    public int Form => Relay is not null ? 3 : Place is null ? 1 : 2;

    /// <summary>
    /// The form's generation for the no-downgrade rule: forms 2 and 3 are written side by side (3 only for relays),
    /// so a relay's record is of the same generation as a bulletin's.
    /// </summary>
    public int Generation => Math.Min(Form, 2);
}

/// <summary>What a relay's record (form 3) hashes besides a bulletin record's fields.</summary>
/// <param name="RelaySourceId">The relay source.</param>
/// <param name="OutageSeconds">Seconds the stream was not there while the item aired.</param>
/// <param name="Outages">How many times it went away.</param>
/// <param name="RecordingPath">The recording of what aired, relative to the data folder.</param>
public sealed record AirtimeChainRelay(long RelaySourceId, double? OutageSeconds, long? Outages, string? RecordingPath);

/// <summary>
/// What a form-2 record hashes besides its own row: the zone and commune of its occurrence and the SHA-256 of the
/// bulletin's audio, as the database holds them (null when the row they come from is gone).
/// </summary>
/// <param name="ZoneId">Zone of the occurrence.</param>
/// <param name="CommuneId">Commune of that zone.</param>
/// <param name="BulletinSha256">SHA-256 of the bulletin's audio file.</param>
public sealed record AirtimeChainPlace(long? ZoneId, long? CommuneId, string? BulletinSha256);

/// <summary>
/// The airtime log's hash chain: each record's hash is SHA-256 over a canonical serialisation of its fields and the
/// previous record's hash. The exact form is documented in docs/airtime-chain.md.
/// </summary>
public static class AirtimeChain
{
    /// <summary>First line of the first canonical form (records written before migration 0019).</summary>
    public const string FormVersion = "bh-airtime-chain-v1";

    /// <summary>First line of the current form, which adds the zone, the commune and the bulletin's SHA-256.</summary>
    public const string FormVersion2 = "bh-airtime-chain-v2";

    /// <summary>First line of the relay records' form (migration 0031): no bulletin, the relay source, outages and recording.</summary>
    public const string FormVersion3 = "bh-airtime-chain-v3";

    /// <summary>The form new bulletin records are written in (relay records: 3).</summary>
    public const int CurrentForm = 2;

    /// <summary>The previous hash of the first chained record: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The canonical text of <paramref name="e"/> linked to <paramref name="prevHash"/> (hashed as UTF-8).</summary>
    public static string Canonical(AirtimeChainEntry e, string prevHash)
    {
        var text = new StringBuilder(e.Form switch { 3 => FormVersion3, 2 => FormVersion2, _ => FormVersion }).Append('\n');
        Field(text, "id", Integer(e.Id));
        Field(text, "occurrence_id", Integer(e.OccurrenceId));
        Field(text, "position", Integer(e.Position));
        Field(text, "bulletin_id", e.BulletinId is { } bulletin ? Integer(bulletin) : null);
        if (e.Relay is { } relay) Field(text, "relay_source_id", Integer(relay.RelaySourceId));
        if (e.Relay is not null || e.Place is not null)
        {
            var place = e.Place ?? new AirtimeChainPlace(null, null, null);
            if (e.Relay is null) Field(text, "bulletin_sha256", place.BulletinSha256);
            Field(text, "zone_id", place.ZoneId is { } zone ? Integer(zone) : null);
            Field(text, "commune_id", place.CommuneId is { } commune ? Integer(commune) : null);
        }
        Field(text, "scheduled_start", e.ScheduledStart);
        Field(text, "actual_start", e.ActualStart);
        Field(text, "actual_end", e.ActualEnd);
        Field(text, "played_seconds", Real(e.PlayedSeconds));
        if (e.Relay is { } aired)
        {
            Field(text, "outage_seconds", aired.OutageSeconds is { } outage ? Real(outage) : null);
            Field(text, "outages", aired.Outages is { } outages ? Integer(outages) : null);
            Field(text, "recording_path", aired.RecordingPath);
        }
        Field(text, "outcome", e.Outcome);
        Field(text, "error", e.Error);
        Field(text, "recorded_at", e.RecordedAt);
        Field(text, "prev_hash", prevHash);
        return text.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the canonical form's UTF-8 bytes (written without building the string).</summary>
    public static string Hash(AirtimeChainEntry e, string prevHash) => AirtimeChainBytes.Hash(e, prevHash);

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    // The IEEE-754 binary64 bit pattern, big-endian hex: exact, and the same in every language. −0 counts as 0.
    internal static string Real(double value) =>
        BitConverter.DoubleToInt64Bits(value == 0 ? 0d : value).ToString("x16", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null) text.Append('-');
        else text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        text.Append('\n');
    }
}
