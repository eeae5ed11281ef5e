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
                problems.Add(new AirtimeRecordProblem(i, 0, 0, "record_missing", Msg.Get("TheRecordIsEmpty")));
                continue;
            }
            void Add(string code, string message) => problems.Add(new AirtimeRecordProblem(i, r.OccurrenceId, r.Position, code, message));
            if (!seen.Add((r.OccurrenceId, r.Position)))
                Add("duplicate_in_batch", Msg.Get("TheBatchHasTwoRecordsOf"));
            if (!Enum.TryParse<AirtimeOutcome>(r.Outcome, ignoreCase: false, out _) || int.TryParse(r.Outcome, out _))
                Add("invalid_outcome", Msg.Get("OutcomeIsNotOneOf", r.Outcome, string.Join(", ", Enum.GetNames<AirtimeOutcome>())));
            if (r.ScheduledStart is null || r.RecordedAt is null)
                Add("time_required", Msg.Get("ScheduledStartAndRecordedAtAreRequired"));
            if (r.ActualStart is { } s && r.ActualEnd is { } e && e < s)
                Add("invalid_times", Msg.Get("ActualEndIsBeforeActualStart"));
            if (r.PlayedSeconds < 0 || double.IsNaN(r.PlayedSeconds) || double.IsInfinity(r.PlayedSeconds))
                Add("invalid_played_seconds", Msg.Get("PlayedSecondsMustBeANonNegative"));
            if (r.Error is { Length: > 2000 })
                Add("error_too_long", Msg.Get("ErrorIsLongerThan2000Characters"));
            var occ = r.OccurrenceId > 0 ? occurrences.Find(r.OccurrenceId) : null;
            if (occ is null)
            {
                Add("occurrence_not_found", Msg.Get("ThereIsNoOccurrence", r.OccurrenceId));
                continue;
            }
            if (!stationByZone.TryGetValue(occ.ZoneId, out var owner) || owner != stationId)
            {
                foreign.Add(new AirtimeRecordProblem(i, r.OccurrenceId, r.Position, "zone_not_allowed", Msg.Get("ThisOccurrenceBelongsToAZone")));
                continue;
            }
            var item = occurrences.Rundown(occ.Id).FirstOrDefault(x => x.Position == r.Position);
            if (item is null)
                Add("position_not_in_rundown", Msg.Get("OccurrenceHasNoItemAtPosition", occ.Id, r.Position));
            else if (item.Relay?.SourceId != r.RelaySourceId)
                Add("relay_mismatch", Msg.Get("ItemOfOccurrenceRelaysSourceNot", r.Position, occ.Id, item.Relay?.SourceId, r.RelaySourceId));
            else if (item.BulletinId != (r.BulletinId ?? 0))
                Add("bulletin_mismatch", Msg.Get("ItemOfOccurrenceIsBulletinNot", r.Position, occ.Id, item.BulletinId, r.BulletinId ?? 0));
        }
        return (problems, foreign);
    }
}
