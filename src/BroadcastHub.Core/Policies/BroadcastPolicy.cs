using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Policies;

/// <summary>
/// When a commune may broadcast: allowed local hours, weekdays, the longest session, the most sessions a day. Set on
/// a unit and inherited by every commune below it. The engine refuses to air outside the allowed hours, except
/// emergencies: a mis-set relay at 03:15 must never wake a commune.
/// </summary>
/// <param name="AllowedFrom">Earliest local time a session may start.</param>
/// <param name="AllowedTo">Latest local time a session may end; 00:00 means midnight at the end of the day.</param>
/// <param name="Weekdays">Weekdays on which sessions may take place.</param>
/// <param name="MaxSessionMinutes">Longest session.</param>
/// <param name="MaxSessionsPerDay">Most sessions per commune on one day.</param>
public sealed record BroadcastPolicy(TimeOnly AllowedFrom, TimeOnly AllowedTo, IsoWeekdays Weekdays, int MaxSessionMinutes, int MaxSessionsPerDay)
{
    /// <summary>The policy where no unit sets one: 05:00–21:00 every day, sessions up to 120 minutes, 4 a day.</summary>
    public static BroadcastPolicy Default { get; } = new(new TimeOnly(5, 0), new TimeOnly(21, 0), IsoWeekdays.Every, 120, 4);

    /// <summary>Why <paramref name="session"/> breaks the policy (empty when it is fine), counting the commune's other sessions.</summary>
    public IReadOnlyList<PolicyViolation> Check(SessionSlot session, IEnumerable<SessionSlot> otherSessions)
    {
        var problems = new List<PolicyViolation>();
        var end = session.Start.ToTimeSpan() + session.Length;
        if (session.Start < AllowedFrom || end > AllowedUntil)
            problems.Add(new PolicyViolation("outside_allowed_hours",
                $"{session.Start:HH\\:mm\\:ss}–{FormatEnd(end)} is outside the allowed hours {AllowedFrom:HH\\:mm}–{AllowedTo:HH\\:mm}."));
        if ((session.Weekdays.Mask & ~Weekdays.Mask) != 0)
            problems.Add(new PolicyViolation("weekday_not_allowed",
                $"Weekdays {string.Join(",", session.Weekdays.ToIso())} include days outside the allowed {string.Join(",", Weekdays.ToIso())}."));
        if (session.LengthMinutes > MaxSessionMinutes)
            problems.Add(new PolicyViolation("session_too_long", $"{session.LengthMinutes} minutes is longer than the allowed {MaxSessionMinutes}."));
        var others = otherSessions.Where(s => s.Id != session.Id && s.CommuneId == session.CommuneId).ToList();
        foreach (var day in session.Weekdays.ToIso())
        {
            var count = 1 + SessionsSharing(session, day, others);
            if (count <= MaxSessionsPerDay) continue;
            problems.Add(new PolicyViolation("too_many_sessions", $"{count} sessions on weekday {day}; at most {MaxSessionsPerDay} are allowed."));
            break;
        }
        return problems;
    }

    /// <summary>How many of <paramref name="others"/> can take place on the same date as <paramref name="session"/> on ISO weekday
    /// <paramref name="day"/>: weekly ones on that weekday, plus (for a weekly session) the most one-offs on any one such date.</summary>
    private static int SessionsSharing(SessionSlot session, int day, IReadOnlyList<SessionSlot> others)
    {
        if (session.OnlyOn is { } date) return others.Count(s => s.OccursOn(date));
        var weekly = others.Count(s => !s.IsOneOff && s.Weekdays.ToIso().Contains(day));
        var oneOffs = others.Where(s => s.OnlyOn is { } d && IsoWeekdays.IsoNumber(d.DayOfWeek) == day).GroupBy(s => s.OnlyOn);
        return weekly + oneOffs.Select(g => g.Count()).DefaultIfEmpty(0).Max();
    }

    /// <summary>End of the allowed hours as time since local midnight (a full day when <see cref="AllowedTo"/> is 00:00).</summary>
    public TimeSpan AllowedUntil => AllowedTo == TimeOnly.MinValue ? TimeSpan.FromDays(1) : AllowedTo.ToTimeSpan();

    /// <summary>True when audio may be on air at this local date and time.</summary>
    public bool AllowsAirAt(DateTimeOffset local) =>
        Weekdays.Contains(DateOnly.FromDateTime(local.DateTime))
        && TimeOnly.FromDateTime(local.DateTime) >= AllowedFrom
        && TimeOnly.FromDateTime(local.DateTime).ToTimeSpan() < AllowedUntil;

    private static string FormatEnd(TimeSpan end) => end >= TimeSpan.FromDays(1) ? $"{end:d\\.hh\\:mm}" : $"{end:hh\\:mm\\:ss}";
}

/// <summary>One way a session breaks a policy: a stable code and an English explanation.</summary>
/// <param name="Code">Stable code, e.g. <c>outside_allowed_hours</c>.</param>
/// <param name="Detail">What exactly is wrong.</param>
public sealed record PolicyViolation(string Code, string Detail);
