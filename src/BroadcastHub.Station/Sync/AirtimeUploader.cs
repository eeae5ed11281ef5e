using System.Text.Json;
using BroadcastHub.Station.Local;

namespace BroadcastHub.Station.Sync;

/// <summary>
/// Uploads the outbox in batches with <c>POST /api/station/airtime</c>. A 200 (records <c>accepted</c> or <c>duplicate</c>)
/// deletes the batch's rows; a refusal (<c>airtime_conflict</c>, <c>invalid_airtime_batch</c>, <c>zone_not_allowed</c>)
/// marks the records it names, which are kept and shown on <c>/health</c>; a network failure throws and nothing changes.
/// </summary>
public sealed class AirtimeUploader(HubClient hub, AirtimeOutbox outbox, ILogger<AirtimeUploader> log)
{
    /// <summary>Records per request.</summary>
    public const int BatchSize = 200;

    /// <summary>Uploads until the outbox holds only refused rows; returns how many rows were delivered.</summary>
    public async Task<int> UploadPendingAsync(CancellationToken ct)
    {
        var delivered = 0;
        while (outbox.NextBatch(BatchSize) is { Count: > 0 } batch)
        {
            try
            {
                using var _ = await hub.SendAsync(HttpMethod.Post, "api/station/airtime", new { records = batch.Select(p => p.Record) }, ct);
            }
            catch (HubRefusedException refused) when (refused.Status is 400 or 403 or 409)
            {
                if (MarkNamed(batch, refused) == 0) throw;
                continue;
            }
            outbox.Delivered(batch.Select(p => p.Id));
            delivered += batch.Count;
        }
        return delivered;
    }

    private int MarkNamed(IReadOnlyList<PendingAirtime> batch, HubRefusedException refused)
    {
        var marked = 0;
        if (refused.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array)
        {
            foreach (var problem in problems.EnumerateArray())
            {
                var index = problem.GetProperty("index").GetInt32();
                if (index < 0 || index >= batch.Count) continue;
                var code = problem.TryGetProperty("code", out var c) ? c.GetString() ?? refused.Code : refused.Code;
                var message = problem.TryGetProperty("message", out var m) ? m.GetString() : refused.Message;
                outbox.MarkRefused(batch[index].Id, code, message);
                log.LogError("The hub refused airtime of occurrence {OccurrenceId} position {Position}: {Code} {Message}",
                    batch[index].Record.OccurrenceId, batch[index].Record.Position, code, message);
                marked++;
            }
        }
        return marked;
    }
}
