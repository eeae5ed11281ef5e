namespace BroadcastHub.Data;

/// <summary>
/// PostgreSQL's stand-in for SQLite's <c>data_version</c>: one counter row, bumped by a statement-level trigger on every
/// table of the schema (tables added by later migrations included: installed after every migration run). The bump is
/// part of the writing transaction, so the new value is visible exactly when the data is, on every node.
/// </summary>
internal static class PostgresChangeCounter
{
    /// <summary>Idempotent: creates the counter and (re)attaches the trigger to every table.</summary>
    public const string Install =
        """
        CREATE TABLE IF NOT EXISTS bh_change_counter (value BIGINT NOT NULL);
        INSERT INTO bh_change_counter (value) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM bh_change_counter);
        CREATE OR REPLACE FUNCTION bh_bump_change_counter() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN UPDATE bh_change_counter SET value = value + 1; RETURN NULL; END $$;
        DO $$
        DECLARE t text;
        BEGIN
            FOR t IN SELECT tablename FROM pg_tables
                     WHERE schemaname = current_schema() AND tablename NOT IN ('bh_change_counter', 'schema_migrations')
            LOOP
                EXECUTE format('CREATE OR REPLACE TRIGGER bh_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                                FOR EACH STATEMENT EXECUTE FUNCTION bh_bump_change_counter()', t);
            END LOOP;
        END $$;
        """;
}
