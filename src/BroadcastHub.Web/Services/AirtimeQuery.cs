using System.Globalization;
using System.Text;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Services.Scope;

namespace BroadcastHub.Web.Services;

/// <summary>Reads the airtime log by local dates within the user's scope, and exports it.</summary>
public sealed class AirtimeQuery(AirtimeRepository airtime, UserScope scope, StationClock clock)
{
    /// <summary>Records over local dates, of one commune (404 <c>commune_not_found</c> outside the scope) or of every commune in scope.</summary>
    public IReadOnlyList<AirtimeRecord> Find(string? from, string? to, long? communeId)
    {
        var fromDate = LocalDateInput.Optional(from, "from") ?? clock.Today;
        var toDate = LocalDateInput.Optional(to, "to") ?? fromDate;
        if (toDate < fromDate)
            throw AppException.BadRequest("range_reversed", Text.Pick("Ngày kết thúc phải sau ngày bắt đầu.", "'to' must not be before 'from'."));
        if (communeId is { } id) scope.EnsureCommune(id);
        var (fromUtc, toUtc) = (clock.ToUtc(fromDate, TimeOnly.MinValue), clock.ToUtc(toDate.AddDays(1), TimeOnly.MinValue));
        return communeId is not null || scope.IsWhole
            ? airtime.Query(fromUtc, toUtc, communeId)
            : airtime.QueryCommunes(fromUtc, toUtc, scope.CommuneIds.ToList());
    }

    /// <summary>CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese correctly), times in station local time.</summary>
    public byte[] ToCsv(IEnumerable<AirtimeRecord> records)
    {
        var csv = new StringBuilder("occurrenceId,position,communeId,bulletinId,scheduledStart,actualStart,actualEnd,playedSeconds,outcome,error\r\n");
        foreach (var r in records)
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.OccurrenceId},{r.Position},{r.CommuneId},{r.BulletinId},{Local(r.ScheduledStart)},{Local(r.ActualStart)},{Local(r.ActualEnd)},{r.PlayedSeconds:0.000},{r.Outcome},{Quote(r.Error)}\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private string Local(DateTimeOffset? instant) =>
        instant is { } i ? clock.ToLocal(i).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "";

    private static string Quote(string? text) => text is null ? "" : "\"" + text.Replace("\"", "\"\"") + "\"";
}
