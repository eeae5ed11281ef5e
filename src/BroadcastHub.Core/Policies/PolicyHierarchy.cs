namespace BroadcastHub.Core.Policies;

/// <summary>
/// Policies along the unit tree: a lower unit may only narrow what is in force above it, and what applies to a
/// commune is the intersection of every policy on its path, so neither a wider policy nor one left over from before
/// the unit above narrowed can widen it.
/// </summary>
public static class PolicyHierarchy
{
    /// <summary>The stable code of a refusal to store a policy wider than the one above it.</summary>
    public const string WiderThanParentCode = "policy_wider_than_parent";

    /// <summary>What both policies allow: the later start, the earlier end, the common weekdays and the lower limits.
    /// Hours that do not overlap give a policy that allows no session at all.</summary>
    public static BroadcastPolicy Intersect(BroadcastPolicy a, BroadcastPolicy b)
    {
        var from = a.AllowedFrom > b.AllowedFrom ? a.AllowedFrom : b.AllowedFrom;
        var until = a.AllowedUntil < b.AllowedUntil ? a.AllowedUntil : b.AllowedUntil;
        var to = until >= TimeSpan.FromDays(1) ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(until);
        return new BroadcastPolicy(from, to, new Scheduling.IsoWeekdays(a.Weekdays.Mask & b.Weekdays.Mask),
            Math.Min(a.MaxSessionMinutes, b.MaxSessionMinutes), Math.Min(a.MaxSessionsPerDay, b.MaxSessionsPerDay));
    }

    /// <summary>The policy in force given the own policies on a path (any order), or null when none is set.</summary>
    public static BroadcastPolicy? Effective(IEnumerable<BroadcastPolicy> path) =>
        path.Aggregate((BroadcastPolicy?)null, (acc, p) => acc is null ? p : Intersect(acc, p));

    /// <summary>How <paramref name="child"/> is wider than <paramref name="parent"/> (empty when it only narrows it).</summary>
    public static IReadOnlyList<PolicyViolation> Widenings(BroadcastPolicy child, BroadcastPolicy parent)
    {
        var problems = new List<PolicyViolation>();
        if (child.AllowedFrom < parent.AllowedFrom || child.AllowedUntil > parent.AllowedUntil)
            problems.Add(new PolicyViolation("hours_wider",
                $"Allowed hours {child.AllowedFrom:HH\\:mm}–{End(child)} are not inside {parent.AllowedFrom:HH\\:mm}–{End(parent)}."));
        if ((child.Weekdays.Mask & ~parent.Weekdays.Mask) != 0)
            problems.Add(new PolicyViolation("weekdays_wider",
                $"Weekdays {string.Join(",", child.Weekdays.ToIso())} are not a subset of {string.Join(",", parent.Weekdays.ToIso())}."));
        if (child.MaxSessionMinutes > parent.MaxSessionMinutes)
            problems.Add(new PolicyViolation("session_minutes_wider",
                $"{child.MaxSessionMinutes} minutes per session is more than the {parent.MaxSessionMinutes} allowed above."));
        if (child.MaxSessionsPerDay > parent.MaxSessionsPerDay)
            problems.Add(new PolicyViolation("sessions_per_day_wider",
                $"{child.MaxSessionsPerDay} sessions a day is more than the {parent.MaxSessionsPerDay} allowed above."));
        return problems;
    }

    /// <summary>The end of the allowed hours as text, 24:00 for midnight at the end of the day.</summary>
    public static string End(BroadcastPolicy policy) => policy.AllowedTo == TimeOnly.MinValue ? "24:00" : policy.AllowedTo.ToString("HH\\:mm");
}
