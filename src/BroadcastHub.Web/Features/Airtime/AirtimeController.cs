using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>Nhật ký phát: what aired where and when, and what did not; CSV export.</summary>
[Route("airtime")]
public sealed class AirtimeController(
    AirtimeQuery query, UserScope scope, BulletinRepository bulletins, OccurrenceRepository occurrences, AirtimeCheckpoints checkpoints,
    StationClock clock)
    : PageController
{
    [HttpGet("")]
    public IActionResult Index(string? from, string? to, long? communeId, int page = 1)
    {
        var today = Ui.Date(clock.Today);
        from = string.IsNullOrWhiteSpace(from) ? today : from.Trim();
        to = string.IsNullOrWhiteSpace(to) ? from : to.Trim();
        var communes = scope.Communes;
        AirtimeLogPage? shown = null;
        try
        {
            shown = query.Page(from, to, communeId, Math.Max(1, page), AirtimePage.PageSize);
            if (shown.Page > shown.Pages) shown = query.Page(from, to, communeId, (int)shown.Pages, AirtimePage.PageSize);
        }
        catch (AppException e)
        {
            Refused(e);
        }
        return View(new AirtimePage
        {
            From = from, To = to, CommuneId = communeId, Communes = communes, Rows = Rows(shown?.Records ?? [], communes),
            Page = shown?.Page ?? 1, TotalRows = (int)Math.Min(int.MaxValue, shown?.Total ?? 0),
        });
    }

    [HttpGet("export")]
    public IActionResult Export(string? from, string? to, long? communeId)
    {
        from = string.IsNullOrWhiteSpace(from) ? Ui.Date(clock.Today) : from.Trim();
        to = string.IsNullOrWhiteSpace(to) ? from : to.Trim();
        try
        {
            var records = query.All(from, to, communeId);
            return File(query.CsvFile(records, AirtimeChainStamp.Take(checkpoints).CsvLines), "text/csv; charset=utf-8", $"nhat-ky-phat-{from}-{to}.csv");
        }
        catch (AppException e)
        {
            Refused(e);
            return View(nameof(Index), new AirtimePage { From = from, To = to, CommuneId = communeId, Communes = scope.Communes });
        }
    }

    private List<AirtimeRow> Rows(IReadOnlyList<AirtimeRecord> records, IReadOnlyList<Core.Places.Commune> communes)
    {
        var names = communes.ToDictionary(c => c.Id, c => c.Name);
        var titles = bulletins.FindMany(records.Select(r => r.BulletinId).Distinct());
        var emergencies = records.Select(r => r.OccurrenceId).Distinct().Where(id => occurrences.Find(id)?.IsEmergency == true).ToHashSet();
        return records.Select(r => new AirtimeRow(
            names.GetValueOrDefault(r.CommuneId, $"#{r.CommuneId}"),
            titles.TryGetValue(r.BulletinId, out var b) ? b.Title : $"#{r.BulletinId}",
            clock.ToLocal(r.ScheduledStart),
            r.ActualStart is { } s ? clock.ToLocal(s) : null,
            r.ActualEnd is { } e ? clock.ToLocal(e) : null,
            r.PlayedSeconds, r.Outcome, r.Error, emergencies.Contains(r.OccurrenceId))).ToList();
    }
}
