using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>Báo cáo tuân thủ: planned vs aired per commune, the chain check, and the Excel export, for signed-in staff.</summary>
[Route("airtime")]
public sealed class AirtimeReportsController(AirtimeReports reports, ReportScope scope, StationClock clock) : PageController
{
    [HttpGet("summary")]
    public IActionResult Summary(string? from, string? to)
    {
        from = string.IsNullOrWhiteSpace(from) ? Ui.Date(clock.Today) : from.Trim();
        to = string.IsNullOrWhiteSpace(to) ? from : to.Trim();
        return Attempt(() => View(new AirtimeSummaryPage(from, to, reports.Summary(from, to, scope.UnitFor(null)), reports.Verify())),
            "", () => View(new AirtimeSummaryPage(from, to, [], reports.Verify())));
    }

    [HttpGet("export.xlsx")]
    public IActionResult ExportXlsx(string? from, string? to) => Attempt(() =>
    {
        var file = reports.Export("xlsx", from, to, scope.UnitFor(null));
        return File(file.Content, file.ContentType, file.FileName);
    }, "", () => RedirectToAction(nameof(Summary), new { from, to }));
}
