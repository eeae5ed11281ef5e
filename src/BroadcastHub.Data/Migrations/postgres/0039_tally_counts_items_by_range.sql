-- Occurrences added: a new occurrence's tally row counts the items already present (0036), now with one index range
-- scan over the statement's ids instead of one lookup per occurrence. The plan writer reserves each chunk's ids as one
-- block, so a chunk's occurrences are a dense id range whose items were just written in that order: one ordered pass
-- (0.5 µs an item) instead of 400,000 probes (4–5 µs each; 2.2 s of a 10,000-commune first plan). A statement whose
-- ids are sparse (a range over four times its row count) still counts per occurrence.
CREATE OR REPLACE FUNCTION bh_tally_occurrences_added() RETURNS trigger LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_mergejoin = off SET jit = off AS $$
DECLARE low bigint; high bigint; added_rows bigint;
BEGIN
    SELECT min(id), max(id), count(*) INTO low, high, added_rows FROM added;
    IF high - low < 4 * added_rows THEN
        EXECUTE 'INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled, items)
                 SELECT n.id, n.zone_id, n.start_utc, (n.state = ''Cancelled'')::int, COALESCE(c.items, 0)
                 FROM added n LEFT JOIN (SELECT r.occurrence_id, count(*)::int AS items FROM rundown_items r
                                         WHERE r.occurrence_id BETWEEN $1 AND $2 GROUP BY r.occurrence_id) c ON c.occurrence_id = n.id'
            USING low, high;
    ELSE
        INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled, items)
        SELECT n.id, n.zone_id, n.start_utc, (n.state = 'Cancelled')::int, (SELECT count(*) FROM rundown_items r WHERE r.occurrence_id = n.id)
        FROM added n;
    END IF;
    RETURN NULL;
END $$;
