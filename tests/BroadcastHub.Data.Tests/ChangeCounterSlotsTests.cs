using Dapper;
using Npgsql;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// PostgreSQL's change counter is several rows whose sum is the data version: two write transactions open at once do
/// not queue behind each other's commit on one counter row, and every commit still moves the version — visible only
/// with that commit.
/// </summary>
public abstract class ChangeCounterSlotsTests : IDisposable
{
    private readonly TempDatabase _db = new(DatabaseProvider.Postgres);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Two_open_write_transactions_do_not_wait_for_each_other_and_each_commit_moves_the_version()
    {
        using var first = Open();
        using var second = Open();
        using var reader = Open();
        var before = Version(reader);

        using var one = first.BeginTransaction();
        first.Execute("INSERT INTO communes (name, created_at) VALUES ('Xã Một', '2026-12-07T00:00:00Z')", transaction: one);
        using var two = second.BeginTransaction();
        // With one counter row this insert's bump waited for the first transaction's commit: the lock timeout fails it.
        second.Execute("SET LOCAL lock_timeout = '2s'", transaction: two);
        second.Execute("INSERT INTO communes (name, created_at) VALUES ('Xã Hai', '2026-12-07T00:00:00Z')", transaction: two);
        Assert.Equal(before, Version(reader));

        two.Commit();
        var afterSecond = Version(reader);
        Assert.NotEqual(before, afterSecond);
        one.Commit();
        Assert.NotEqual(afterSecond, Version(reader));
        Assert.Equal(16, reader.ExecuteScalar<long>("SELECT COUNT(*) FROM bh_change_counter"));
    }

    [DbFact]
    public void A_transaction_moves_the_version_once_however_many_statements_it_writes()
    {
        using var writer = Open();
        using var reader = Open();
        var before = Version(reader);

        using (var t = writer.BeginTransaction())
        {
            for (var i = 0; i < 500; i++)
                writer.Execute("INSERT INTO communes (name, created_at) VALUES (@name, '2026-12-07T00:00:00Z')", new { name = $"Xã {i}" }, t);
            t.Commit();
        }

        Assert.Equal(before + 1, Version(reader));
        writer.Execute("INSERT INTO communes (name, created_at) VALUES ('Xã sau', '2026-12-07T00:00:00Z')");
        Assert.Equal(before + 2, Version(reader));
    }

    private static long Version(NpgsqlConnection c) => c.ExecuteScalar<long>(DataVersion.PostgresQuery);

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(_db.ConnectionString);
        c.Open();
        return c;
    }

    /// <summary>On PostgreSQL (SQLite's version is its own <c>data_version</c>).</summary>
    public sealed class OnPostgres() : ChangeCounterSlotsTests();
}
