using System.Globalization;
using System.Text;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>
/// The airtime log as CSV for a spreadsheet: UTF-8 with BOM (Excel then reads Vietnamese correctly), headers in the
/// UI language, names beside ids (commune, bulletin, session), times in station local time, then the chain lines.
/// </summary>
public sealed class AirtimeCsv(
    PlacesRepository places, BulletinRepository bulletins, OccurrenceRepository occurrences, SessionRepository sessions, StationClock clock)
{
    private static readonly (string Vi, string En)[] Headers =
    [
        ("Mã buổi phát", "Occurrence id"), ("Thứ tự", "Position"), ("Mã xã/phường", "Commune id"), ("Xã/phường", "Commune"),
        ("Mã bản tin", "Bulletin id"), ("Bản tin", "Bulletin"), ("Khung giờ phát", "Session"), ("Giờ dự kiến", "Scheduled start"),
        ("Bắt đầu thực tế", "Actual start"), ("Kết thúc thực tế", "Actual end"), ("Số giây đã phát", "Seconds played"),
        ("Mã kết quả", "Outcome code"), ("Kết quả", "Outcome"), ("Ghi chú", "Note"),
    ];

    /// <summary>The header row in the UI language.</summary>
    public static string HeaderLine => string.Join(",", Headers.Select(h => Text.Pick(h.Vi, h.En)));

    /// <summary>Writes the header, the records one by one, then the <paramref name="trailer"/> lines (the signed chain head).</summary>
    public void Write(Stream output, IEnumerable<AirtimeRecord> records, IEnumerable<string> trailer)
    {
        using var csv = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        csv.WriteLine(HeaderLine);
        var communes = places.ListCommunes().ToDictionary(c => c.Id, c => c.Name);
        var titles = new Dictionary<long, string>();
        var sessionOf = new Dictionary<long, string>();
        foreach (var r in records)
        {
            var fields = new[]
            {
                Invariant(r.OccurrenceId), Invariant(r.Position), Invariant(r.CommuneId), Name(communes.GetValueOrDefault(r.CommuneId, "")),
                Invariant(r.BulletinId), Name(Title(titles, r.BulletinId)), Session(sessionOf, r.OccurrenceId),
                Local(r.ScheduledStart), Local(r.ActualStart), Local(r.ActualEnd), r.PlayedSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                r.Outcome.ToString(), AirtimeTexts.Outcome(r.Outcome, r.Error), AirtimeTexts.Note(r.Error) ?? "",
            };
            csv.WriteLine(string.Join(",", fields.Select(Quote)));
        }
        foreach (var line in trailer) csv.WriteLine(line);
    }

    private string Title(Dictionary<long, string> known, long bulletinId)
    {
        if (!known.TryGetValue(bulletinId, out var title))
            known[bulletinId] = title = bulletins.FindMany([bulletinId]).GetValueOrDefault(bulletinId)?.Title ?? "";
        return title;
    }

    private string Session(Dictionary<long, string> known, long occurrenceId)
    {
        if (known.TryGetValue(occurrenceId, out var text)) return text;
        var occurrence = occurrences.Find(occurrenceId);
        text = occurrence is null ? ""
            : occurrence.SessionId is not { } id ? Text.Pick("Phát ngay (khẩn cấp)", "Play now (emergency)")
            : sessions.Find(id) is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Start:HH:mm} ({s.LengthMinutes} {Text.Pick("phút", "min")})")
            : "";
        return known[occurrenceId] = text;
    }

    /// <summary>A typed name that Excel would read as a formula (=, +, -, @) is kept as text.</summary>
    private static string Name(string text) => text.Length > 0 && "=+-@".Contains(text[0]) ? "'" + text : text;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private string Local(DateTimeOffset? instant) =>
        instant is { } i ? clock.ToLocal(i).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "";

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) < 0 && !text.StartsWith('#') ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
