using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// Receives a station's airtime, all or nothing: every record is checked first (form, its occurrence is of the station's
/// own zone, the position and bulletin are the rundown's, not an altered copy of a record already received); only a
/// batch without problems is appended, through the hub's hash chain, each with a receipt naming the station.
/// Idempotent on (occurrence, position): an identical repeat is counted as a duplicate.
/// </summary>
public sealed class StationAirtimeUpload(OccurrenceRepository occurrences, StationRepository stations, AirtimeRepository airtime,
    StationAgentRepository agents, TimeProvider time)
{
    public const int MaxRecords = 1000;

    private readonly SemaphoreSlim _oneBatchAtATime = new(1, 1);

    /// <summary>Stores the batch or refuses it whole (<see cref="AirtimeBatchRefused"/>).</summary>
    public async Task<AirtimeUploadResult> UploadAsync(long stationId, StationAirtimeBatch batch, CancellationToken ct)
    {
        var records = batch.Records ?? [];
        if (records.Count is 0 or > MaxRecords)
            throw new AppException("invalid_airtime_batch", Msg.Get("Send1ToRecordsInRecords", MaxRecords));
        await _oneBatchAtATime.WaitAsync(ct);
        try
        {
            var check = new StationAirtimeChecks(occurrences, stations.StationByZone(), stationId).Check(records);
            Refuse(400, "invalid_airtime_batch", check.Problems, Msg.Get("TheAirtimeBatchHasInvalidRecords"));
            Refuse(403, "zone_not_allowed", check.Foreign, Msg.Get("SomeRecordsBelongToZonesOf"));
            var valid = records.Select(r => r!).ToList();
            var receipts = agents.Receipts(valid.Select(r => r.OccurrenceId));
            var results = new List<AirtimeRecordResult>();
            var conflicts = new List<AirtimeRecordProblem>();
            var fresh = new List<StationAirtimeRecord>();
            var unreceipted = new List<StationAirtimeRecord>();
            foreach (var (r, i) in valid.Select((r, i) => (r, i)))
            {
                receipts.TryGetValue((r.OccurrenceId, r.Position), out var receipt);
                var stored = receipt is null && airtime.RecordedPositions(r.OccurrenceId).Contains(r.Position);
                if (receipt is not null && receipt.StationId == stationId && receipt.ContentHash == r.ContentHash())
                    results.Add(new AirtimeRecordResult(r.OccurrenceId, r.Position, "duplicate"));
                else if (stored && StoredHash(r.OccurrenceId, r.Position) == r.ContentHash())
                    unreceipted.Add(r);
                else if (receipt is not null || stored)
                    conflicts.Add(new AirtimeRecordProblem(i, r.OccurrenceId, r.Position, "airtime_conflict", Msg.Get("ADifferentRecordOfThisItem")));
                else
                    fresh.Add(r);
            }
            Refuse(409, "airtime_conflict", conflicts, Msg.Get("SomeRecordsDifferFromThoseAlready"));
            var receivedAt = time.GetUtcNow();
            // Stored by an earlier upload that stopped before its receipt (a crash between the two writes): the same record.
            foreach (var r in unreceipted)
            {
                agents.AddReceipt(new StationAirtimeReceipt(r.OccurrenceId, r.Position, stationId, r.ContentHash(), receivedAt));
                results.Add(new AirtimeRecordResult(r.OccurrenceId, r.Position, "duplicate"));
            }
            foreach (var r in fresh)
            {
                airtime.TryAppend(ToAirtime(r));
                agents.AddReceipt(new StationAirtimeReceipt(r.OccurrenceId, r.Position, stationId, r.ContentHash(), receivedAt));
                results.Add(new AirtimeRecordResult(r.OccurrenceId, r.Position, "accepted"));
            }
            return new AirtimeUploadResult(fresh.Count, results.Count - fresh.Count, results);
        }
        finally
        {
            _oneBatchAtATime.Release();
        }
    }

    private string? StoredHash(long occurrenceId, int position) => agents.StoredAirtime(occurrenceId, position) is { } a
        ? new StationAirtimeRecord(occurrenceId, position, a.BulletinId, a.Outcome, Data.SqlValues.ParseInstant(a.ScheduledStart),
            Data.SqlValues.ParseInstantOrNull(a.ActualStart), Data.SqlValues.ParseInstantOrNull(a.ActualEnd), a.PlayedSeconds, a.Error,
            Data.SqlValues.ParseInstant(a.RecordedAt), a.RelaySourceId, a.OutageSeconds, a.Outages, a.RecordingPath).ContentHash()
        : null;

    private static void Refuse(int status, string code, IReadOnlyList<AirtimeRecordProblem> problems, string message)
    {
        if (problems.Count > 0) throw new AirtimeBatchRefused(status, code, message, problems);
    }

    private static AirtimeRecord ToAirtime(StationAirtimeRecord r) => new()
    {
        OccurrenceId = r.OccurrenceId, Position = r.Position, BulletinId = r.BulletinId ?? 0, ScheduledStart = r.ScheduledStart!.Value,
        ActualStart = r.ActualStart, ActualEnd = r.ActualEnd, PlayedSeconds = r.PlayedSeconds,
        Outcome = Enum.Parse<AirtimeOutcome>(r.Outcome!, ignoreCase: false), Error = r.Error, RecordedAt = r.RecordedAt!.Value,
        RelaySourceId = r.RelaySourceId, OutageSeconds = r.RelaySourceId is null ? null : r.OutageSeconds,
        Outages = r.RelaySourceId is null ? null : r.Outages, RecordingPath = r.RelaySourceId is null ? null : r.RecordingPath,
    };
}
