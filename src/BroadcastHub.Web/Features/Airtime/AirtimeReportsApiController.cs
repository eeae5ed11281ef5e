using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>Airtime that can be trusted: chain verification, the compliance summary, and exports.</summary>
[Route("api/airtime")]
[Authorize(Roles = Roles.Admin + "," + Roles.Supervisor + "," + Roles.Operator)]
public sealed class AirtimeReportsApiController(AirtimeReports reports, ReportScope scope) : ApiControllerBase
{
    /// <summary>
    /// Walks the hash chain in id order and compares it with the newest signed checkpoint:
    /// <c>{ intact, code, records, firstBrokenId?, unchained, lastId, lastHash, checkpoint? }</c>; <c>code</c> is
    /// <c>intact</c>, <c>record_broken</c>, <c>origin_moved</c>, <c>tail_cut</c>, <c>checkpoint_mismatch</c> or
    /// <c>checkpoint_signature_invalid</c>.
    /// </summary>
    [HttpGet("verify")]
    public IActionResult Verify()
    {
        var report = reports.Verify();
        var signed = report.Checkpoint;
        return Ok(new
        {
            report.Intact, report.Code, report.Records, report.FirstBrokenId, report.Unchained, report.LastId, report.LastHash,
            checkpoint = signed is null ? null : new
            {
                signed.Id, signed.HeadId, signed.HeadHash, signed.LegacyUntilId, signed.SignedAt, signed.KeyId, signed.Signature,
            },
        });
    }

    /// <summary>
    /// Per commune of the unit's subtree (without <c>unitId</c>: of the caller's own unit, all for a user without one):
    /// planned, aired, late, missed, … minutes aired.
    /// </summary>
    [HttpGet("summary")]
    public IActionResult Summary([FromQuery] string? from, [FromQuery] string? to, [FromQuery] long? unitId) =>
        Ok(reports.Summary(from, to, scope.UnitFor(unitId)));

    /// <summary>The log over local dates as <c>format=xlsx</c> (default) or <c>csv</c> (UTF-8 with BOM), scoped like the summary.</summary>
    [HttpGet("export")]
    public IActionResult Export([FromQuery] string? format, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] long? unitId)
    {
        var file = reports.Export(format, from, to, scope.UnitFor(unitId));
        return File(file.Content, file.ContentType, file.FileName);
    }
}
