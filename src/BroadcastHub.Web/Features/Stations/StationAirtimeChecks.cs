using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>The per-record checks of an airtime batch: malformed records, and records of another station's zones.</summary>
public sealed class StationAirtimeChecks(OccurrenceRepository occurrences, IReadOnlyDictionary<long, long> stationByZone, long stationId)
{
    /// <summary>Problems that make the batch malformed (400), and records of zones the station does not play (403).</summary>
    public (List<AirtimeRecordProblem> Problems, List<AirtimeRecordProblem> Foreign) Check(IReadOnlyList<StationAirtimeRecord?> records)
    {
        var problems = new List<AirtimeRecordProblem>();
        var foreign = new List<AirtimeRecordProblem>();
        var seen = new HashSet<(long, int)>();
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r is null)
            {
                problems.Add(new AirtimeRecordProblem(i, 0, 0, "record_missing", Text.Pick("Bản ghi rỗng.", "The record is empty.")));
                continue;
            }
            void Add(string code, string vi, string en) => problems.Add(new AirtimeRecordProblem(i, r.OccurrenceId, r.Position, code, Text.Pick(vi, en)));
            if (!seen.Add((r.OccurrenceId, r.Position)))
                Add("duplicate_in_batch", "Lô có hai bản ghi cho cùng một mục.", "The batch has two records of the same item.");
            if (!Enum.TryParse<AirtimeOutcome>(r.Outcome, ignoreCase: false, out _) || int.TryParse(r.Outcome, out _))
                Add("invalid_outcome", $"Kết quả phát \"{r.Outcome}\" không hợp lệ.", $"Outcome \"{r.Outcome}\" is not one of {string.Join(", ", Enum.GetNames<AirtimeOutcome>())}.");
            if (r.ScheduledStart is null || r.RecordedAt is null)
                Add("time_required", "Thiếu scheduledStart hoặc recordedAt.", "scheduledStart and recordedAt are required.");
            if (r.ActualStart is { } s && r.ActualEnd is { } e && e < s)
                Add("invalid_times", "actualEnd trước actualStart.", "actualEnd is before actualStart.");
            if (r.PlayedSeconds < 0 || double.IsNaN(r.PlayedSeconds) || double.IsInfinity(r.PlayedSeconds))
                Add("invalid_played_seconds", "playedSeconds phải là số không âm.", "playedSeconds must be a non-negative number.");
            if (r.Error is { Length: > 2000 })
                Add("error_too_long", "error dài quá 2000 ký tự.", "error is longer than 2000 characters.");
            var occ = r.OccurrenceId > 0 ? occurrences.Find(r.OccurrenceId) : null;
            if (occ is null)
            {
                Add("occurrence_not_found", $"Không có lần phát số {r.OccurrenceId}.", $"There is no occurrence {r.OccurrenceId}.");
                continue;
            }
            if (!stationByZone.TryGetValue(occ.ZoneId, out var owner) || owner != stationId)
            {
                foreign.Add(new AirtimeRecordProblem(i, r.OccurrenceId, r.Position, "zone_not_allowed", Text.Pick(
                    "Lần phát này thuộc vùng phát của máy phát khác.", "This occurrence belongs to a zone of another station.")));
                continue;
            }
            var item = occurrences.Rundown(occ.Id).FirstOrDefault(x => x.Position == r.Position);
            if (item is null)
                Add("position_not_in_rundown", $"Lần phát {occ.Id} không có mục ở vị trí {r.Position}.", $"Occurrence {occ.Id} has no item at position {r.Position}.");
            else if (item.BulletinId != r.BulletinId)
                Add("bulletin_mismatch", $"Mục {r.Position} của lần phát {occ.Id} là bản tin {item.BulletinId}, không phải {r.BulletinId}.",
                    $"Item {r.Position} of occurrence {occ.Id} is bulletin {item.BulletinId}, not {r.BulletinId}.");
        }
        return (problems, foreign);
    }
}
