using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Broadcast policies of units, and the policy in force for a commune (every unit's above it, intersected).</summary>
public sealed class PolicyRepository(AppDatabase db, TimeProvider time)
{
    private sealed record Row(string AllowedFrom, string AllowedTo, long WeekdaysMask, long MaxSessionMinutes, long MaxSessionsPerDay)
    {
        public BroadcastPolicy ToPolicy() => new(SqlValues.ParseTime(AllowedFrom), SqlValues.ParseTime(AllowedTo),
            new IsoWeekdays((int)WeekdaysMask), (int)MaxSessionMinutes, (int)MaxSessionsPerDay);
    }

    private const string Columns =
        "p.allowed_from AS AllowedFrom, p.allowed_to AS AllowedTo, p.weekdays_mask AS WeekdaysMask, p.max_session_minutes AS MaxSessionMinutes, p.max_sessions_per_day AS MaxSessionsPerDay";

    /// <summary>Sets (or replaces) a unit's policy.</summary>
    public void Set(long unitId, BroadcastPolicy policy)
    {
        using var c = db.Open();
        c.Execute(
            """
            INSERT INTO unit_policies (unit_id, allowed_from, allowed_to, weekdays_mask, max_session_minutes, max_sessions_per_day, updated_at)
            VALUES (@unitId, @from, @to, @mask, @maxMinutes, @maxSessions, @now)
            ON CONFLICT (unit_id) DO UPDATE SET allowed_from = excluded.allowed_from, allowed_to = excluded.allowed_to,
                weekdays_mask = excluded.weekdays_mask, max_session_minutes = excluded.max_session_minutes,
                max_sessions_per_day = excluded.max_sessions_per_day, updated_at = excluded.updated_at
            """,
            new
            {
                unitId, from = SqlValues.Time(policy.AllowedFrom), to = SqlValues.Time(policy.AllowedTo), mask = policy.Weekdays.Mask,
                maxMinutes = policy.MaxSessionMinutes, maxSessions = policy.MaxSessionsPerDay, now = SqlValues.Instant(time.GetUtcNow()),
            });
    }

    /// <summary>A unit's own policy, or null when it inherits.</summary>
    public BroadcastPolicy? Own(long unitId)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM unit_policies p WHERE p.unit_id = @unitId", new { unitId })?.ToPolicy();
    }

    /// <summary>The intersection of every policy set on the units above a commune (nearest first), or null when none
    /// sets one (the station's default applies). A nearer policy can narrow but never widen what is above it.</summary>
    public BroadcastPolicy? ForCommune(long communeId) =>
        EffectiveFrom("SELECT parent_unit_id, 0 FROM communes WHERE id = @id AND parent_unit_id IS NOT NULL", communeId);

    /// <summary>The intersection of every policy set on the units above <paramref name="unitId"/> (not its own), or null.</summary>
    public BroadcastPolicy? AboveUnit(long unitId) =>
        EffectiveFrom("SELECT parent_unit_id, 0 FROM units WHERE id = @id AND parent_unit_id IS NOT NULL", unitId);

    /// <summary>The intersection of the policies on the chain of units that <paramref name="firstUnit"/> starts (its
    /// one row: the first unit id and depth 0) and its ancestors, nearest first.</summary>
    private BroadcastPolicy? EffectiveFrom(string firstUnit, long id)
    {
        using var c = db.Open();
        return PolicyHierarchy.Effective(c.Query<Row>(
            $"""
            WITH RECURSIVE chain(id, depth) AS (
                {firstUnit}
                UNION ALL
                SELECT u.parent_unit_id, chain.depth + 1 FROM units u JOIN chain ON u.id = chain.id
                WHERE u.parent_unit_id IS NOT NULL AND chain.depth < 32
            )
            SELECT {Columns} FROM chain JOIN unit_policies p ON p.unit_id = chain.id ORDER BY chain.depth
            """, new { id }).Select(r => r.ToPolicy()));
    }
}
