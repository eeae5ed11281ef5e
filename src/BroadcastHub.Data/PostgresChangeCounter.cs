namespace BroadcastHub.Data;

/// <summary>
/// PostgreSQL's stand-in for SQLite's <c>data_version</c>: a counter bumped by a statement-level trigger on every table of
/// the schema (tables added by later migrations included: installed after every migration run; not the queue of item
/// keys to check at commit, whose rows never outlive their transaction). The bump is part of the
/// writing transaction, so the new value is visible exactly when the data is, on every node. The counter is
/// <see cref="Slots"/> rows whose sum is the version (<see cref="DataVersion.PostgresQuery"/>): a bump takes a row no
/// other open transaction holds, so concurrent writers (the planner's two connections, two nodes) do not queue behind
/// each other's commit on one row — with one row, the planner's second writer waited for the first for 10 s of a first
/// plan. Each row only grows, so any committed write changes the sum. A transaction bumps once, at its first write
/// (a transaction-local setting remembers it, and is undone with a rolled-back savepoint): a bump per statement made a
/// long transaction quadratic — each bump walked the row's versions left by the earlier ones (cancelling 33,000
/// occurrences, a statement per row through the tally's trigger, took 30 s).
/// </summary>
internal static class PostgresChangeCounter
{
    /// <summary>Rows of the counter; with all of them held, a bump waits for its own (the process id's) row.</summary>
    public const int Slots = 16;

    /// <summary>Idempotent: creates the counter (or gives a one-row counter of an older version its slots) and (re)attaches the trigger to every table.</summary>
    public static readonly string Install =
        $"""
        CREATE TABLE IF NOT EXISTS bh_change_counter (value BIGINT NOT NULL);
        ALTER TABLE bh_change_counter ADD COLUMN IF NOT EXISTS slot INT;
        UPDATE bh_change_counter SET slot = 0 WHERE slot IS NULL;
        CREATE UNIQUE INDEX IF NOT EXISTS ux_bh_change_counter_slot ON bh_change_counter (slot);
        INSERT INTO bh_change_counter (slot, value) SELECT s, 0 FROM generate_series(0, {Slots - 1}) s ON CONFLICT (slot) DO NOTHING;
        CREATE OR REPLACE FUNCTION bh_bump_change_counter() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN
            IF current_setting('bh.change_counted', true) = 'on' THEN RETURN NULL; END IF;
            UPDATE bh_change_counter SET value = value + 1
            WHERE slot = COALESCE((SELECT slot FROM bh_change_counter ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED), pg_backend_pid() % {Slots});
            PERFORM set_config('bh.change_counted', 'on', true);
            RETURN NULL;
        END $$;
        DO $$
        DECLARE t text;
        BEGIN
            FOR t IN SELECT tablename FROM pg_tables
                     WHERE schemaname = current_schema() AND tablename NOT IN ('bh_change_counter', 'schema_migrations', 'bh_pending_item_occurrences')
            LOOP
                EXECUTE format('CREATE OR REPLACE TRIGGER bh_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                                FOR EACH STATEMENT EXECUTE FUNCTION bh_bump_change_counter()', t);
            END LOOP;
        END $$;
        """;
}
