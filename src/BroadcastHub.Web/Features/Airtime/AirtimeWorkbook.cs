using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>The airtime export as a workbook: the log (names, local times, outcome in the UI language) and the summary.</summary>
public static class AirtimeWorkbook
{
    /// <summary>Writes the .xlsx into <paramref name="output"/>: the log, the summary and the signed chain head.</summary>
    public static void Write(Stream output, IEnumerable<AirtimeLogLine> lines, IReadOnlyList<CommuneAirtimeSummary> summary,
        AirtimeChainStamp stamp, StationClock clock)
    {
        using var xlsx = new XlsxWriter(output);
        xlsx.AddSheet(Msg.Get("AirtimeLog"),
            [
                Msg.Get("Date"), Msg.Get("Commune"), Msg.Get("Bulletin"),
                Msg.Get("Scheduled"), Msg.Get("AiredFrom"), Msg.Get("AiredTo"),
                Msg.Get("PlayedS"), Msg.Get("Outcome"), Msg.Get("Note"),
                Msg.Get("RecordId"), Msg.Get("OccurrenceId2"), Msg.Get("Position2"),
            ],
            [11, 24, 36, 19, 19, 19, 13, 16, 40, 11, 12, 8],
            lines.Select(l => (IReadOnlyList<object?>)
            [
                DateOnly.FromDateTime(Local(clock, l.Record.ScheduledStart)), l.CommuneName,
                l.Record.IsRelay ? Msg.Get("Relay") + l.BulletinTitle : l.BulletinTitle,
                Local(clock, l.Record.ScheduledStart), Local(clock, l.Record.ActualStart), Local(clock, l.Record.ActualEnd),
                l.Record.PlayedSeconds, AirtimeTexts.Outcome(l.Record.Outcome, l.Record.Error), l.Record.Error, l.Record.Id, l.Record.OccurrenceId, l.Record.Position,
            ]));
        xlsx.AddSheet(Msg.Get("Summary"),
            [
                Msg.Get("Commune"), Msg.Get("Planned3"), Msg.Get("Aired2"), Msg.Get("Late"),
                Msg.Get("Missed"), Msg.Get("Truncated"), Msg.Get("PreemptedOrStopped"),
                Msg.Get("Failed"), Msg.Get("Interrupted"), Msg.Get("Skipped"),
                Msg.Get("MinutesAired"),
            ],
            [24, 10, 10, 10, 10, 12, 15, 8, 13, 9, 15],
            summary.Select(s => (IReadOnlyList<object?>)
            [
                s.CommuneName, s.Planned, s.Aired, s.Late, s.Missed, s.Truncated, s.Preempted, s.Failed, s.Interrupted, s.Skipped,
                s.MinutesAired,
            ]));
        xlsx.AddSheet(Msg.Get("Chain"), [Msg.Get("Field"), Msg.Get("Value")], [16, 140],
            stamp.Fields.Select(f => (IReadOnlyList<object?>)[f.Name, f.Value]));
    }

    private static DateTime Local(StationClock clock, DateTimeOffset instant) => clock.ToLocal(instant).DateTime;

    private static DateTime? Local(StationClock clock, DateTimeOffset? instant) => instant is { } i ? Local(clock, i) : null;
}
