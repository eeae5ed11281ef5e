using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BroadcastHub.Data;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// One airtime record as a station agent uploads it (<c>POST /api/station/airtime</c>); a relay item's record has
/// <c>bulletinId</c> 0 or null and carries <c>relaySourceId</c>, <c>outageSeconds</c>, <c>outages</c> and <c>recordingPath</c>.
/// </summary>
public sealed record StationAirtimeRecord(long OccurrenceId, int Position, long? BulletinId, string? Outcome, DateTimeOffset? ScheduledStart,
    DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd, double PlayedSeconds, string? Error, DateTimeOffset? RecordedAt,
    long? RelaySourceId = null, double? OutageSeconds = null, int? Outages = null, string? RecordingPath = null)
{
    /// <summary>SHA-256 of the record's canonical form: equal for a repeat, different for any altered field.</summary>
    public string ContentHash()
    {
        var canonical = string.Join('\n', OccurrenceId.ToString(CultureInfo.InvariantCulture), Position.ToString(CultureInfo.InvariantCulture),
            (BulletinId ?? 0).ToString(CultureInfo.InvariantCulture), Outcome, SqlValues.Instant(ScheduledStart), SqlValues.Instant(ActualStart),
            SqlValues.Instant(ActualEnd), PlayedSeconds.ToString("R", CultureInfo.InvariantCulture), Error, SqlValues.Instant(RecordedAt));
        // A bulletin's record hashes as it always did; a relay's adds its own fields.
        if (RelaySourceId is { } source)
            canonical += string.Join('\n', "", "relay", source.ToString(CultureInfo.InvariantCulture),
                OutageSeconds?.ToString("R", CultureInfo.InvariantCulture), Outages?.ToString(CultureInfo.InvariantCulture), RecordingPath);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>A batch of airtime records.</summary>
public sealed record StationAirtimeBatch(List<StationAirtimeRecord?>? Records);

/// <summary>Why one record of a batch was refused: its index in the batch and a stable code.</summary>
public sealed record AirtimeRecordProblem(int Index, long OccurrenceId, int Position, string Code, string Message);

/// <summary>What happened to one record of an accepted batch: <c>accepted</c> or <c>duplicate</c>.</summary>
public sealed record AirtimeRecordResult(long OccurrenceId, int Position, string Status);

/// <summary>The answer to an accepted batch.</summary>
public sealed record AirtimeUploadResult(int Accepted, int Duplicate, IReadOnlyList<AirtimeRecordResult> Records);

/// <summary>A refused batch: nothing of it was stored.</summary>
public sealed class AirtimeBatchRefused(int status, string code, string message, IReadOnlyList<AirtimeRecordProblem> problems) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyList<AirtimeRecordProblem> Problems { get; } = problems;
}
