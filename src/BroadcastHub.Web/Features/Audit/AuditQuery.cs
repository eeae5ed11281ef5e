using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;

namespace BroadcastHub.Web.Features.Audit;

/// <summary>Reads the audit log over local dates, within what the caller may see.</summary>
public sealed class AuditQuery(AuditRepository audit, ReportScope scope, StationClock clock)
{
    /// <summary>Entries over local dates (yyyy-MM-dd, inclusive; default today), oldest first; a user with a unit sees its subtree's users' entries.</summary>
    public IEnumerable<AuditEntry> List(string? from, string? to)
    {
        var range = ReportRange.Parse(from, to, clock);
        return scope.Visible(audit.List(range.FromUtc, range.ToUtc));
    }
}
