using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>One entry of the audit log.</summary>
/// <param name="Id">Database id (0 before it is stored).</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="User">Who did it (user name, or "anonymous").</param>
/// <param name="Action">What was done, e.g. <c>BulletinsApi.Approve</c>.</param>
/// <param name="Entity">What kind of thing it was done to, e.g. <c>bulletins</c>.</param>
/// <param name="EntityId">Which one, when known.</param>
/// <param name="Detail">Details as a JSON document, or null.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string User, string Action, string Entity, string? EntityId, string? Detail);

/// <summary>The append-only audit log (the table refuses updates and deletes).</summary>
public sealed class AuditRepository(AppDatabase db)
{
    private sealed record Row(long Id, string At, string User, string Action, string Entity, string? EntityId, string? Detail)
    {
        public AuditEntry ToEntry() => new(Id, SqlValues.ParseInstant(At), User, Action, Entity, EntityId, Detail);
    }

    /// <summary>Appends an entry and returns its id. <paramref name="entry"/>'s id is ignored.</summary>
    public long Append(AuditEntry entry)
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>(
            """
            INSERT INTO audit_log (at, "user", action, entity, entity_id, detail)
            VALUES (@at, @User, @Action, @Entity, @EntityId, @Detail) RETURNING id
            """,
            new { at = SqlValues.Instant(entry.At), entry.User, entry.Action, entry.Entity, entry.EntityId, entry.Detail });
    }

    /// <summary>Entries in [from, to), oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<AuditEntry> List(DateTimeOffset from, DateTimeOffset to, int limit = 10_000)
    {
        using var c = db.Open();
        return c.Query<Row>(
            """
            SELECT id, at, "user" AS User, action, entity, entity_id AS EntityId, detail FROM audit_log
            WHERE at >= @from AND at < @to ORDER BY at, id LIMIT @limit
            """,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), limit }).Select(r => r.ToEntry()).ToList();
    }

    /// <summary>Entries about one thing (any of <paramref name="entities"/> with id <paramref name="entityId"/>), oldest first.</summary>
    public IReadOnlyList<AuditEntry> ForEntity(IReadOnlyCollection<string> entities, string entityId, int limit = 200)
    {
        using var c = db.Open();
        return c.Query<Row>(
            $"""
            SELECT id, at, "user" AS User, action, entity, entity_id AS EntityId, detail FROM audit_log
            WHERE {db.Dialect.In("entity", "@entities")} AND entity_id = @entityId ORDER BY at, id LIMIT @limit
            """,
            new { entities = entities.ToArray(), entityId, limit }).Select(r => r.ToEntry()).ToList();
    }
}
