using System.Data.Common;
using BroadcastHub.Data.Repositories;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BroadcastHub.Data;

/// <summary>What <see cref="SqliteToPostgresCopy"/> copied: rows per table, and the airtime chain's check on the target.</summary>
public sealed record CopyReport(IReadOnlyDictionary<string, long> Rows, Core.Airtime.AirtimeChainReport Chain);

/// <summary>
/// Copies a SQLite deployment into an empty PostgreSQL database: migrates the target, copies every table row by row
/// with its ids (parents before children, following the foreign keys), moves the identity sequences past the copied
/// ids, checks every key that PostgreSQL enforces with triggers (off while copying), and verifies the airtime chain on the
/// target. Refuses a target that already holds tables.
/// </summary>
public static class SqliteToPostgresCopy
{
    /// <summary>Runs the copy; throws <see cref="InvalidOperationException"/> with a clear message when refused.</summary>
    public static CopyReport Run(string sqlitePath, string postgresConnectionString)
    {
        if (!File.Exists(sqlitePath)) throw new InvalidOperationException($"no SQLite database at {sqlitePath}");
        var target = AppDatabase.Postgres(postgresConnectionString, cacheReads: false);
        using (var probe = target.Open())
            if (probe.ExecuteScalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") > 0)
                throw new InvalidOperationException("the target PostgreSQL database is not empty: give an empty database");
        var source = new AppDatabase(sqlitePath, cacheReads: false);
        Migrator.Migrate(source);   // the source's schema must match the migrations the target gets
        Migrator.Migrate(target);
        using var from = source.Open();
        using var to = target.Open();
        var tables = TablesInCopyOrder(from);
        var rows = new Dictionary<string, long>();
        using (var t = to.BeginTransaction())
        {
            foreach (var table in tables) to.Execute($"ALTER TABLE {table} DISABLE TRIGGER USER; DELETE FROM {table};", transaction: t);
            foreach (var table in tables) rows[table] = CopyTable(from, to, t, table);
            foreach (var table in tables)
            {
                to.Execute($"ALTER TABLE {table} ENABLE TRIGGER USER", transaction: t);
                if (to.ExecuteScalar<string?>(
                        "SELECT pg_get_serial_sequence(@table, 'id') FROM information_schema.columns " +
                        "WHERE table_schema = current_schema() AND table_name = @table AND column_name = 'id'", new { table }, t) is { } sequence)
                    to.Execute($"SELECT setval('{sequence}', GREATEST((SELECT max(id) FROM {table}), 1))", transaction: t);
            }
            // The set-based key checks (migration 0038) are user triggers, off during the copy: check every copied row at once.
            to.Execute("SELECT bh_check_replaced_foreign_keys()", transaction: t);
            to.Execute("UPDATE bh_change_counter SET value = value + 1 WHERE slot = 0", transaction: t);
            t.Commit();
        }
        return new CopyReport(rows, new AirtimeRepository(target).Verify());
    }

    private static List<string> TablesInCopyOrder(DbConnection sqlite)
    {
        var tables = sqlite.Query<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY rowid").ToList();
        var parents = tables.ToDictionary(t => t, t => sqlite.Query<string>($"SELECT \"table\" FROM pragma_foreign_key_list('{t}')")
            .Where(p => p != t).ToHashSet());
        var ordered = new List<string>();
        while (ordered.Count < tables.Count)
        {
            var next = tables.First(t => !ordered.Contains(t) && parents[t].All(ordered.Contains));
            ordered.Add(next);
        }
        return ordered;
    }

    private static long CopyTable(DbConnection sqlite, DbConnection postgres, DbTransaction t, string table)
    {
        var columns = sqlite.Query<string>($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid").ToList();
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var hasId = columns.Contains("id");
        using var read = sqlite.CreateCommand();
        read.CommandText = $"SELECT {list} FROM {table}" + (hasId ? " ORDER BY id" : "");
        using var reader = read.ExecuteReader();
        using var insert = (NpgsqlCommand)postgres.CreateCommand();
        insert.Transaction = (NpgsqlTransaction)t;
        insert.CommandText = $"INSERT INTO {table} ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})";
        long count = 0;
        while (reader.Read())
        {
            insert.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++) insert.Parameters.Add(new NpgsqlParameter { Value = reader.GetValue(i) });
            insert.ExecuteNonQuery();
            count++;
        }
        return count;
    }
}
