using Dapper;
using Npgsql;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// Migration 0038's checks under concurrency, as PostgreSQL's own foreign keys behave: an insert's check locks the
/// parents it names (FOR KEY SHARE), so a parent deleted by another transaction is either waited for and then found
/// missing, or its delete waits for the insert and then finds the new child.
/// </summary>
public abstract class KeyRaceOnPostgresTests : IDisposable
{
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(400);
    private readonly TempDatabase _db = new(DatabaseProvider.Postgres);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public async Task An_item_whose_bulletin_another_transaction_is_deleting_waits_and_is_then_refused()
    {
        var s = KeySeed.Create(_db);
        await using var deleting = await Open();
        await using var deletion = await deleting.BeginTransactionAsync();
        await deleting.ExecuteAsync("DELETE FROM bulletins WHERE id = @id", new { id = s.UnusedBulletinId }, deletion);

        await using var inserting = await Open();
        var insert = Task.Run(async () =>
        {
            await using var t = await inserting.BeginTransactionAsync();
            await inserting.ExecuteAsync("INSERT INTO rundown_items (occurrence_id, position, bulletin_id) VALUES (@o, 7, @b)",
                new { o = s.OccurrenceId, b = s.UnusedBulletinId }, t);
            await t.CommitAsync();
        });
        await Task.Delay(Blocked);
        Assert.False(insert.IsCompleted, "the insert's check must wait for the transaction deleting its bulletin");
        await deletion.CommitAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.Equal("rundown_items_bulletin_id_fkey", error.ConstraintName);
        Assert.Equal(0, await deleting.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rundown_items WHERE position = 7"));
    }

    [DbFact]
    public async Task Deleting_a_bulletin_that_an_open_transaction_just_named_waits_and_is_then_refused()
    {
        var s = KeySeed.Create(_db);
        await using var inserting = await Open();
        await using var insertion = await inserting.BeginTransactionAsync();
        await inserting.ExecuteAsync("INSERT INTO rundown_items (occurrence_id, position, bulletin_id) VALUES (@o, 7, @b)",
            new { o = s.OccurrenceId, b = s.UnusedBulletinId }, insertion);

        await using var deleting = await Open();
        var delete = Task.Run(() => deleting.ExecuteAsync("DELETE FROM bulletins WHERE id = @id", new { id = s.UnusedBulletinId }));
        await Task.Delay(Blocked);
        Assert.False(delete.IsCompleted, "the delete must wait for the transaction that named the bulletin");
        await insertion.CommitAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => delete);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.Equal(1, await deleting.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bulletins WHERE id = @id", new { id = s.UnusedBulletinId }));
    }

    [DbFact]
    public async Task Items_written_before_their_occurrences_in_one_transaction_are_accepted_and_counted_and_an_orphan_fails_the_commit()
    {
        var s = KeySeed.Create(_db);
        await using var c = await Open();
        // Sparse ids in one statement: the tally counts them one by one (0039's fallback), items copied first as the writer does.
        var ids = new[] { 50_000_001L, 90_000_001L };
        await using (var t = await c.BeginTransactionAsync())
        {
            foreach (var id in ids)
                await c.ExecuteAsync("INSERT INTO rundown_items (occurrence_id, position, bulletin_id) SELECT @id, p, @b FROM generate_series(0, 2) p",
                    new { id, b = s.BulletinId }, t);
            await c.ExecuteAsync("""
                INSERT INTO occurrences (id, session_id, zone_id, kind, local_date, start_utc, end_utc, state)
                SELECT id, @session, @zone, 'session', '2026-12-1' || n, '2026-12-1' || n || 'T22:30:00.0000000Z', '2026-12-1' || n || 'T23:00:00.0000000Z', 'Planned'
                FROM unnest(@ids) WITH ORDINALITY AS i(id, n)
                """, new { ids, session = s.SessionId, zone = s.ZoneId }, t);
            await t.CommitAsync();
        }
        Assert.Equal([3, 3], (await c.QueryAsync<int>("SELECT items FROM occurrence_tally WHERE occurrence_id = ANY(@ids) ORDER BY occurrence_id", new { ids })).ToList());

        await using (var t = await c.BeginTransactionAsync())
        {
            await c.ExecuteAsync("INSERT INTO rundown_items (occurrence_id, position, bulletin_id) VALUES (70000001, 0, @b)", new { b = s.BulletinId }, t);
            var error = await Assert.ThrowsAsync<PostgresException>(() => t.CommitAsync());
            Assert.Equal("rundown_items_occurrence_id_fkey", error.ConstraintName);
        }
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rundown_items WHERE occurrence_id = 70000001"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bh_pending_item_occurrences"));
    }

    [DbFact]
    public void Every_replaced_key_is_checked_over_the_stored_rows_on_request()
    {
        KeySeed.Create(_db);
        using var c = new NpgsqlConnection(_db.ConnectionString);
        c.Open();
        c.Execute("SELECT bh_check_replaced_foreign_keys()");
        // An orphan slipped in with the user triggers off (as migrate-to-postgres copies) is found.
        c.Execute("ALTER TABLE occurrences DISABLE TRIGGER USER; UPDATE occurrences SET zone_id = 987654321; ALTER TABLE occurrences ENABLE TRIGGER USER");
        var error = Assert.Throws<PostgresException>(() => c.Execute("SELECT bh_check_replaced_foreign_keys()"));
        Assert.Equal("occurrences_zone_id_fkey", error.ConstraintName);
    }

    private async Task<NpgsqlConnection> Open()
    {
        var c = new NpgsqlConnection(_db.ConnectionString);
        await c.OpenAsync();
        return c;
    }

    /// <summary>On PostgreSQL (SQLite has one writer at a time).</summary>
    public sealed class OnPostgres() : KeyRaceOnPostgresTests();
}
