namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The stored occurrence a plan matches (same session and local date), and whether the writer must rewrite it: it is
/// still <c>Planned</c> and its instants or rundown differ from the plan's. A plan without a match is new.
/// </summary>
internal readonly record struct PlanMatch(long Id, bool Rewrite);
