using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>The airtime log page (/airtime) and its CSV export; who delivered each record, for the API.</summary>
public sealed class AirtimePages(
    AirtimeQuery query, UserScope scope, BulletinRepository bulletins, OccurrenceRepository occurrences, AirtimeCheckpoints checkpoints,
    StationAgentRepository agents, ThisStation self, StationClock clock, RelaySourceRepository relaySources)
{
    /// <summary>The local date typed, or today.</summary>
    public string DateOr(string? typed, string? fallback = null) =>
        string.IsNullOrWhiteSpace(typed) ? fallback ?? Ui.Date(clock.Today) : typed.Trim();

    /// <summary>One page of the log; a refused range is passed to <paramref name="refused"/> and shows no rows.</summary>
    public AirtimePage Log(string from, string to, long? communeId, int page, Action<AppException> refused)
    {
        var communes = scope.Communes;
        AirtimeLogPage? shown = null;
        try
        {
            shown = query.Page(from, to, communeId, Math.Max(1, page), AirtimePage.PageSize);
            if (shown.Page > shown.Pages) shown = query.Page(from, to, communeId, (int)shown.Pages, AirtimePage.PageSize);
        }
        catch (AppException e)
        {
            refused(e);
        }
        return new AirtimePage
        {
            From = from, To = to, CommuneId = communeId, Communes = communes, Rows = Rows(shown?.Records ?? [], communes),
            Page = shown?.Page ?? 1, TotalRows = (int)Math.Min(int.MaxValue, shown?.Total ?? 0),
        };
    }

    /// <summary>The page without rows, for a refused export.</summary>
    public AirtimePage Blank(string from, string to, long? communeId) =>
        new() { From = from, To = to, CommuneId = communeId, Communes = scope.Communes };

    /// <summary>The range as CSV, its chain stamp last.</summary>
    public Stream Csv(string from, string to, long? communeId) =>
        query.CsvFile(query.All(from, to, communeId), AirtimeChainStamp.Take(checkpoints).CsvLines);

    /// <summary>For each record: the station that aired it (the agent that uploaded it, else this one) and when it arrived.</summary>
    public Func<AirtimeRecord, (long StationId, DateTimeOffset? ReceivedAt)> Receipts(IReadOnlyList<AirtimeRecord> records)
    {
        var receipts = agents.Receipts(records.Select(r => r.OccurrenceId));
        return r => receipts.TryGetValue((r.OccurrenceId, r.Position), out var receipt) ? (receipt.StationId, receipt.ReceivedAt) : (self.Id, null);
    }

    private List<AirtimeRow> Rows(IReadOnlyList<AirtimeRecord> records, IReadOnlyList<Core.Places.Commune> communes)
    {
        var names = communes.ToDictionary(c => c.Id, c => c.Name);
        var titles = bulletins.FindMany(records.Where(r => !r.IsRelay).Select(r => r.BulletinId).Distinct());
        var relays = relaySources.FindMany(records.Where(r => r.IsRelay).Select(r => r.RelaySourceId!.Value).Distinct());
        var emergencies = occurrences.Emergencies(records.Select(r => r.OccurrenceId));
        return records.Select(r => new AirtimeRow(
            names.GetValueOrDefault(r.CommuneId, $"#{r.CommuneId}"),
            r.RelaySourceId is { } relay ? Msg.Get("Relay") + (relays.GetValueOrDefault(relay)?.Name ?? $"#{relay}")
                : titles.TryGetValue(r.BulletinId, out var b) ? b.Title : $"#{r.BulletinId}",
            clock.ToLocal(r.ScheduledStart),
            r.ActualStart is { } s ? clock.ToLocal(s) : null,
            r.ActualEnd is { } e ? clock.ToLocal(e) : null,
            r.PlayedSeconds, r.Outcome, r.Error, emergencies.Contains(r.OccurrenceId),
            r.Id, r.RecordingPath is null ? null : AirtimeRecordings.PageUrl(r.Id))).ToList();
    }
}
