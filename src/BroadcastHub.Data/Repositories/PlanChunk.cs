using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Plans written in one transaction: indexes into the whole plan list, and the rows of each one's rundown (converted
/// once, used both to compare with what is stored and to write).
/// </summary>
/// <param name="Plans">Indexes into the plan list, in write order.</param>
/// <param name="Items">The rundown rows of each plan, in the same order.</param>
internal sealed record PlanChunk(IReadOnlyList<int> Plans, IReadOnlyList<IReadOnlyList<PlanItem>> Items)
{
    /// <summary>The plans, in <paramref name="order"/>, cut into chunks of at most <paramref name="limit"/> rows (one plan always whole).</summary>
    public static List<PlanChunk> Cut(IReadOnlyList<PlannedOccurrence> plans, IEnumerable<int> order, int limit)
    {
        var chunks = new List<PlanChunk>();
        var (indexes, items, rows) = (new List<int>(), new List<IReadOnlyList<PlanItem>>(), 0);
        foreach (var i in order)
        {
            var cost = 1 + plans[i].Items.Count;
            if (indexes.Count > 0 && rows + cost > limit)
            {
                chunks.Add(new PlanChunk(indexes, items));
                (indexes, items, rows) = ([], [], 0);
            }
            indexes.Add(i);
            items.Add(ItemsOf(plans[i]));
            rows += cost;
        }
        if (indexes.Count > 0) chunks.Add(new PlanChunk(indexes, items));
        return chunks;
    }

    /// <summary>
    /// Writes what <paramref name="matches"/> says is new or changed in this chunk through <paramref name="rows"/>, and
    /// fills in <paramref name="ids"/>, the id of each plan.
    /// </summary>
    public void Write(IReadOnlyList<PlannedOccurrence> plans, PlanMatch?[] matches, IPlanRows rows, long[] ids)
    {
        for (var k = 0; k < Plans.Count; k++)
        {
            var plan = plans[Plans[k]];
            var (start, end) = (SqlValues.Instant(plan.StartUtc), SqlValues.Instant(plan.EndUtc));
            if (matches[k] is not { } match)
            {
                ids[Plans[k]] = rows.Insert(plan.SessionId, SqlValues.Date(plan.LocalDate), start, end, Items[k]);
                continue;
            }
            ids[Plans[k]] = match.Id;
            if (match.Rewrite) rows.Reschedule(match.Id, start, end, Items[k]);
        }
    }

    private static PlanItem[] ItemsOf(PlannedOccurrence plan)
    {
        var items = new PlanItem[plan.Items.Count];
        for (var k = 0; k < items.Length; k++) items[k] = PlanItem.Of(plan.Items[k]);
        return items;
    }
}
