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
    PlacesRepository places, BulletinRepository bulletins, OccurrenceRepository occurrences, SessionRepository sessions, StationClock clock,
    RelaySourceRepository relaySources)
{
    private static string[] Headers =>
    [
        Msg.Get("OccurrenceId"), Msg.Get("Position"), Msg.Get("CommuneId"), Msg.Get("Commune"),
        Msg.Get("BulletinId"), Msg.Get("Bulletin"), Msg.Get("Session"), Msg.Get("ScheduledStart"),
        Msg.Get("ActualStart"), Msg.Get("ActualEnd"), Msg.Get("SecondsPlayed"),
        Msg.Get("OutcomeCode"), Msg.Get("Outcome"), Msg.Get("Note"),
    ];

    /// <summary>The header row in the UI language.</summary>
    public static string HeaderLine => string.Join(",", Headers);

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
                r.IsRelay ? "" : Invariant(r.BulletinId), Name(r.RelaySourceId is { } relay ? RelayTitle(titles, relay) : Title(titles, r.BulletinId)),
                Session(sessionOf, r.OccurrenceId),
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

    // A relay's record names its source in the bulletin column (its id is negated in the cache to keep it apart).
    private string RelayTitle(Dictionary<long, string> known, long sourceId)
    {
        if (!known.TryGetValue(-sourceId, out var title))
            known[-sourceId] = title = Msg.Get("Relay") + (relaySources.FindMany([sourceId]).GetValueOrDefault(sourceId)?.Name ?? $"#{sourceId}");
        return title;
    }

    private string Session(Dictionary<long, string> known, long occurrenceId)
    {
        if (known.TryGetValue(occurrenceId, out var text)) return text;
        var occurrence = occurrences.Find(occurrenceId);
        text = occurrence is null ? ""
            : occurrence.SessionId is not { } id ? Msg.Get("PlayNowEmergency")
            : sessions.Find(id) is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Start:HH:mm} ({s.LengthMinutes} {Msg.Get("Min")})")
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
