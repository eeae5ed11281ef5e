using System.Data.Common;
using Dapper;
using Npgsql;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// The keys of occurrences and rundown items hold on both engines: declared foreign keys on SQLite, set-based checks on
/// PostgreSQL (migration 0038). A row naming a missing parent, a key changed to a missing parent, and deleting or
/// re-keying a parent that still has children are refused — on PostgreSQL with SQLSTATE 23503 and the constraint's
/// name, as the declared keys did — and change nothing.
/// </summary>
public abstract class ForeignKeyTests : IDisposable
{
    private const long Missing = 987_654_321;
    private readonly TempDatabase _db;

    protected ForeignKeyTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void A_row_naming_a_missing_parent_is_refused_and_nothing_is_written()
    {
        var s = KeySeed.Create(_db);
        const string occurrence = """
            INSERT INTO occurrences (session_id, zone_id, kind, local_date, start_utc, end_utc, state)
            VALUES (@session, @zone, 'session', '2026-12-02', '2026-12-01T22:30:00.0000000Z', '2026-12-01T23:00:00.0000000Z', 'Planned')
            """;
        const string item = """
            INSERT INTO rundown_items (occurrence_id, position, bulletin_id, booking_id, relay_source_id, relay_seconds)
            VALUES (@occurrence, 5, @bulletin, @booking, @relay, @relaySeconds)
            """;

        Refused("occurrences_session_id_fkey", occurrence, new { session = Missing, zone = s.ZoneId });
        Refused("occurrences_zone_id_fkey", occurrence, new { session = s.SessionId, zone = Missing });
        Refused("rundown_items_bulletin_id_fkey", item, new { occurrence = s.OccurrenceId, bulletin = Missing, booking = s.BookingId, relay = (long?)null, relaySeconds = (double?)null });
        Refused("rundown_items_booking_id_fkey", item, new { occurrence = s.OccurrenceId, bulletin = s.BulletinId, booking = Missing, relay = (long?)null, relaySeconds = (double?)null });
        Refused("rundown_items_relay_source_id_fkey", item, new { occurrence = s.OccurrenceId, bulletin = (long?)null, booking = (long?)null, relay = Missing, relaySeconds = 60.0 });
        Refused("rundown_items_occurrence_id_fkey", item, new { occurrence = Missing, bulletin = s.BulletinId, booking = s.BookingId, relay = (long?)null, relaySeconds = (double?)null });

        using var c = _db.Database.Open();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM rundown_items"));
        // The same rows with their parents present are accepted: the refusals were about the keys.
        c.Execute(item, new { occurrence = s.OccurrenceId, bulletin = s.BulletinId, booking = s.BookingId, relay = (long?)null, relaySeconds = (double?)null });
        c.Execute(occurrence, new { session = s.SessionId, zone = s.ZoneId });
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM rundown_items"));
    }

    [DbFact]
    public void A_key_changed_to_a_missing_parent_is_refused()
    {
        var s = KeySeed.Create(_db);

        Refused("rundown_items_bulletin_id_fkey", "UPDATE rundown_items SET bulletin_id = @id WHERE occurrence_id = @occurrence", new { id = Missing, occurrence = s.OccurrenceId });
        Refused("rundown_items_occurrence_id_fkey", "UPDATE rundown_items SET occurrence_id = @id WHERE occurrence_id = @occurrence", new { id = Missing, occurrence = s.OccurrenceId });
        Refused("occurrences_zone_id_fkey", "UPDATE occurrences SET zone_id = @id WHERE id = @occurrence", new { id = Missing, occurrence = s.OccurrenceId });

        using var c = _db.Database.Open();
        Assert.Equal(s.BulletinId, c.ExecuteScalar<long>("SELECT bulletin_id FROM rundown_items WHERE occurrence_id = @id", new { id = s.OccurrenceId }));
        Assert.Equal(1, c.Execute("UPDATE rundown_items SET bulletin_id = @id WHERE occurrence_id = @occurrence", new { id = s.UnusedBulletinId, occurrence = s.OccurrenceId }));
    }

    [DbFact]
    public void A_parent_that_still_has_children_cannot_be_deleted_or_renumbered()
    {
        var s = KeySeed.Create(_db);

        Refused("rundown_items_occurrence_id_fkey", "DELETE FROM occurrences WHERE id = @id", new { id = s.OccurrenceId });
        Refused("rundown_items_occurrence_id_fkey", "UPDATE occurrences SET id = @to WHERE id = @id", new { id = s.OccurrenceId, to = Missing });
        Refused("occurrences_zone_id_fkey", "DELETE FROM zones WHERE id = @id", new { id = s.ZoneId });
        // The bulletin and the session are also referred to by the booking (a declared key on both engines).
        Refused(null, "DELETE FROM bulletins WHERE id = @id", new { id = s.BulletinId });
        Refused(null, "DELETE FROM sessions WHERE id = @id", new { id = s.SessionId });

        using var c = _db.Database.Open();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences WHERE id = @id", new { id = s.OccurrenceId }));
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM bulletins"));
        Assert.Equal(1, c.Execute("DELETE FROM bulletins WHERE id = @id", new { id = s.UnusedBulletinId }));
    }

    /// <summary>
    /// Runs <paramref name="sql"/> in a transaction and commits; it must fail with a foreign-key violation (at the
    /// statement or, for a key checked at commit, at the commit). On PostgreSQL the error names <paramref name="constraint"/>
    /// (when given).
    /// </summary>
    private void Refused(string? constraint, string sql, object args)
    {
        using var c = _db.Database.Open();
        var error = Assert.ThrowsAny<DbException>(() =>
        {
            using var t = c.BeginTransaction();
            c.Execute(sql, args, t);
            t.Commit();
        });
        if (error is PostgresException postgres)
        {
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, postgres.SqlState);
            if (constraint is not null) Assert.Equal(constraint, postgres.ConstraintName);
        }
        else Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
    }

    /// <summary>On SQLite (declared foreign keys).</summary>
    public sealed class OnSqlite() : ForeignKeyTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL (the set-based checks of migration 0038).</summary>
    public sealed class OnPostgres() : ForeignKeyTests(DatabaseProvider.Postgres);
}
