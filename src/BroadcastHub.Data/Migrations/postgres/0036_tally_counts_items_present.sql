-- PostgreSQL form of ../0036_tally_counts_items_present.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- A new occurrence's tally row counts the rundown items already there. The planner now writes a chunk's items before its
-- occurrences (one binary COPY each, foreign key deferred to the commit), so each tally row is written once, complete,
-- instead of inserted with no items and then updated (a non-HOT update: items is in the index): the first plan of an
-- empty province wrote 420,000 tally rows twice. Exact in either order: items written first find no tally row to
-- update; items written after their occurrence are added by bh_tally_items_added as before.
-- Also repairs counts left wrong by the SQLite writer, whose item batches could reach the database before the batch of
-- their occurrences (its item trigger then found no tally row), and copied as they stood by migrate-to-postgres.
CREATE OR REPLACE FUNCTION bh_tally_occurrences_added() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled, items)
    SELECT n.id, n.zone_id, n.start_utc, (n.state = 'Cancelled')::int, (SELECT count(*) FROM rundown_items r WHERE r.occurrence_id = n.id)
    FROM added n;
    RETURN NULL;
END $$;

-- Items added: the same statement as 0034's, run with EXECUTE so that it is planned for the tally's size at each call.
-- A plan saved by the backend's first call, when a new hub's tally was empty, walked the whole tally for every later chunk
-- (measured: 46 s of a first plan, with the items copied before their occurrences) instead of looking up each key.
CREATE OR REPLACE FUNCTION bh_tally_items_added() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    EXECUTE 'UPDATE occurrence_tally t SET items = t.items + n.n
             FROM (SELECT occurrence_id, count(*) AS n FROM added GROUP BY occurrence_id) n WHERE t.occurrence_id = n.occurrence_id';
    RETURN NULL;
END $$;

UPDATE occurrence_tally t SET items = c.n
FROM (SELECT o.id, count(r.occurrence_id)::int AS n FROM occurrences o LEFT JOIN rundown_items r ON r.occurrence_id = o.id GROUP BY o.id) c
WHERE t.occurrence_id = c.id AND t.items <> c.n;
