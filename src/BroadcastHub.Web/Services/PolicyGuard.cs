using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Services;

/// <summary>Refuses sessions and bookings that break the broadcast policy in force for their commune.</summary>
public sealed class PolicyGuard(Policies policies, SessionRepository sessions, StationClock clock)
{
    public BroadcastPolicy ForCommune(long communeId) => policies.ForCommune(communeId);

    public void EnsureSessionAllowed(SessionSlot session)
    {
        var policy = policies.ForCommune(session.CommuneId);
        var today = clock.Today;
        var violations = policy.Check(session, sessions.List(session.CommuneId).Where(s => s.OnlyOn is null || s.OnlyOn >= today));
        if (violations.Count == 0) return;
        throw AppException.BadRequest(violations[0].Code, Text.Pick(
            $"Vi phạm quy định phát thanh của đơn vị (cho phép {policy.AllowedFrom:HH\\:mm}–{policy.AllowedTo:HH\\:mm}, tối đa {policy.MaxSessionMinutes} phút/buổi, {policy.MaxSessionsPerDay} buổi/ngày): ",
            "Breaks the unit's broadcast policy: ") + string.Join(" ", violations.Select(v => v.Detail)));
    }
}
