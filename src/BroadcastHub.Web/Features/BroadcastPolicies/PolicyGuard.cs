using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.BroadcastPolicies;

/// <summary>Refuses sessions and bookings that break the broadcast policy in force for their commune.</summary>
public sealed class PolicyGuard(Policies policies, SessionRepository sessions, PolicyRepository unitPolicies, StationClock clock)
{
    public BroadcastPolicy ForCommune(long communeId) => policies.ForCommune(communeId);

    public void EnsureSessionAllowed(SessionSlot session)
    {
        var policy = policies.ForCommune(session.CommuneId);
        var today = clock.Today;
        var violations = policy.Check(session, sessions.List(session.CommuneId).Where(s => s.OnlyOn is null || s.OnlyOn >= today));
        if (violations.Count == 0) return;
        throw new AppException(violations[0].Code, Msg.Get("BreaksTheUnitBroadcastPolicyAllowed", policy.AllowedFrom, policy.AllowedTo, policy.MaxSessionMinutes, policy.MaxSessionsPerDay) + string.Join(" ", violations.Select(v => PolicyTexts.Violation(v, session, policy))));
    }

    /// <summary>Refuses (<c>policy_wider_than_parent</c>, naming the limits above) a unit policy that would allow more
    /// than the policies of the units above it: hours inside, weekdays a subset, limits no higher.</summary>
    public void EnsureWithinParent(long unitId, BroadcastPolicy policy)
    {
        if (unitPolicies.AboveUnit(unitId) is not { } parent) return;
        var widenings = PolicyHierarchy.Widenings(policy, parent);
        if (widenings.Count == 0) return;
        var limits = $"{parent.AllowedFrom:HH\\:mm}–{PolicyHierarchy.End(parent)}, {string.Join(",", parent.Weekdays.ToIso())}";
        throw new AppException(PolicyHierarchy.WiderThanParentCode, Msg.Get("ThisPolicyIsWiderThanThe", limits, parent.MaxSessionMinutes, parent.MaxSessionsPerDay)
            + string.Join(" ", widenings.Select(w => PolicyTexts.Widening(w, policy, parent))));
    }
}
