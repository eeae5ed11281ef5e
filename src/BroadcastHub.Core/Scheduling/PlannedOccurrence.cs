namespace BroadcastHub.Core.Scheduling;

/// <summary>An occurrence the planner wants to exist, with its rundown, before it has a database id.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="LocalDate">Its local date.</param>
/// <param name="StartUtc">Start instant.</param>
/// <param name="EndUtc">End instant (start + session length).</param>
/// <param name="Items">The rundown, in order.</param>
public sealed record PlannedOccurrence(long SessionId, DateOnly LocalDate, DateTimeOffset StartUtc, DateTimeOffset EndUtc, IReadOnlyList<PlannedSlot> Items)
{
    /// <summary>Items that end after the session does.</summary>
    public IReadOnlyList<PlannedSlot> Overflow => Items.Where(i => StartUtc.AddSeconds(i.EndSeconds) > EndUtc).ToList();
}
