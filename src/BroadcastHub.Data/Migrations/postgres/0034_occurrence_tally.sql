-- PostgreSQL form of ../0034_occurrence_tally.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- One row per occurrence with what the compliance summary counts (its zone and start copied, cancelled or not, rundown
-- items, airtime records by outcome and played seconds), kept exact by triggers whoever writes, so that a zone's period
-- is one range of ix_occurrence_tally_zone_start (index-only) instead of two lookups per occurrence. Bulk writes (the
-- planner's unnest inserts, an agent's outbox) fire one statement-level trigger that reads the transition table; the
-- updates that rarely matter (cancelling, rescheduling) are row triggers with a WHEN, so the state changes of playout and
-- a replan that changes nothing fire nothing. The functions that join a transition table to the tally reach its rows by
-- key only (seqscan, hash and merge joins off for them): the tally of a new hub has no statistics, and a first plan that
-- hash-joined each chunk to the whole growing tally took 157 s instead of 33 s (400,000 occurrences, 1,600 chunks).
CREATE TABLE occurrence_tally (
    occurrence_id BIGINT PRIMARY KEY,
    zone_id BIGINT NOT NULL,
    start_utc TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0,
    aired INTEGER NOT NULL DEFAULT 0,
    late INTEGER NOT NULL DEFAULT 0,
    missed INTEGER NOT NULL DEFAULT 0,
    truncated INTEGER NOT NULL DEFAULT 0,
    preempted INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    interrupted INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    seconds DOUBLE PRECISION NOT NULL DEFAULT 0
);
-- The counts are INTEGER (not BIGINT as elsewhere) so that their sums stay BIGINT, not NUMERIC.

-- Rebuilds the whole tally from the occurrences, rundown items and airtime: the migration's back-fill, and what a bulk
-- load that bypassed the triggers (session_replication_role = replica, as QueryBench loads) runs afterwards.
CREATE FUNCTION bh_rebuild_occurrence_tally() RETURNS void LANGUAGE sql AS $$
    TRUNCATE occurrence_tally;
    INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled, items, aired, late, missed, truncated, preempted, failed,
        interrupted, skipped, seconds)
    SELECT o.id, o.zone_id, o.start_utc, (o.state = 'Cancelled')::int, coalesce(r.n, 0), coalesce(a.aired, 0), coalesce(a.late, 0),
        coalesce(a.missed, 0), coalesce(a.truncated, 0), coalesce(a.preempted, 0), coalesce(a.failed, 0), coalesce(a.interrupted, 0),
        coalesce(a.skipped, 0), coalesce(a.seconds, 0)
    FROM occurrences o
    LEFT JOIN (SELECT occurrence_id, count(*) AS n FROM rundown_items GROUP BY occurrence_id) r ON r.occurrence_id = o.id
    LEFT JOIN (SELECT occurrence_id, count(*) FILTER (WHERE outcome IN ('Completed', 'Late')) AS aired,
                   count(*) FILTER (WHERE outcome = 'Late') AS late, count(*) FILTER (WHERE outcome = 'Missed') AS missed,
                   count(*) FILTER (WHERE outcome = 'Truncated') AS truncated, count(*) FILTER (WHERE outcome = 'Preempted') AS preempted,
                   count(*) FILTER (WHERE outcome = 'Failed') AS failed, count(*) FILTER (WHERE outcome = 'Interrupted') AS interrupted,
                   count(*) FILTER (WHERE outcome = 'Skipped') AS skipped, sum(played_seconds) AS seconds
               FROM airtime GROUP BY occurrence_id) a ON a.occurrence_id = o.id;
$$;
SELECT bh_rebuild_occurrence_tally();

CREATE INDEX ix_occurrence_tally_zone_start ON occurrence_tally (zone_id, start_utc)
    INCLUDE (cancelled, items, aired, late, missed, truncated, preempted, failed, interrupted, skipped, seconds);
ANALYZE occurrence_tally;

CREATE FUNCTION bh_tally_occurrences_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled)
    SELECT n.id, n.zone_id, n.start_utc, (n.state = 'Cancelled')::int FROM added n;
    RETURN NULL;
END $$;
CREATE TRIGGER occurrence_tally_occurrences_added AFTER INSERT ON occurrences
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION bh_tally_occurrences_added();

CREATE FUNCTION bh_tally_occurrence_moved() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE occurrence_tally SET zone_id = NEW.zone_id, start_utc = NEW.start_utc, cancelled = (NEW.state = 'Cancelled')::int
    WHERE occurrence_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER occurrence_tally_occurrence_moved AFTER UPDATE OF state, zone_id, start_utc ON occurrences FOR EACH ROW
    WHEN ((OLD.state = 'Cancelled') IS DISTINCT FROM (NEW.state = 'Cancelled') OR OLD.zone_id IS DISTINCT FROM NEW.zone_id
          OR OLD.start_utc IS DISTINCT FROM NEW.start_utc)
    EXECUTE FUNCTION bh_tally_occurrence_moved();

CREATE FUNCTION bh_tally_occurrences_removed() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    DELETE FROM occurrence_tally t USING removed o WHERE t.occurrence_id = o.id;
    RETURN NULL;
END $$;
CREATE TRIGGER occurrence_tally_occurrences_removed AFTER DELETE ON occurrences
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION bh_tally_occurrences_removed();

-- Adds or takes away the rundown items of a transition table, one UPDATE row per occurrence touched.
CREATE FUNCTION bh_tally_items_added() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE occurrence_tally t SET items = t.items + n.n
    FROM (SELECT occurrence_id, count(*) AS n FROM added GROUP BY occurrence_id) n WHERE t.occurrence_id = n.occurrence_id;
    RETURN NULL;
END $$;
CREATE TRIGGER occurrence_tally_items_added AFTER INSERT ON rundown_items
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION bh_tally_items_added();

CREATE FUNCTION bh_tally_items_removed() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE occurrence_tally t SET items = t.items - n.n
    FROM (SELECT occurrence_id, count(*) AS n FROM removed GROUP BY occurrence_id) n WHERE t.occurrence_id = n.occurrence_id;
    RETURN NULL;
END $$;
CREATE TRIGGER occurrence_tally_items_removed AFTER DELETE ON rundown_items
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION bh_tally_items_removed();

CREATE FUNCTION bh_tally_item_moved() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE occurrence_tally SET items = items - 1 WHERE occurrence_id = OLD.occurrence_id;
    UPDATE occurrence_tally SET items = items + 1 WHERE occurrence_id = NEW.occurrence_id;
    RETURN NULL;
END $$;
CREATE TRIGGER occurrence_tally_item_moved AFTER UPDATE OF occurrence_id ON rundown_items FOR EACH ROW
    WHEN (OLD.occurrence_id IS DISTINCT FROM NEW.occurrence_id) EXECUTE FUNCTION bh_tally_item_moved();

CREATE FUNCTION bh_tally_airtime_added() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE occurrence_tally t SET aired = t.aired + n.aired, late = t.late + n.late, missed = t.missed + n.missed,
        truncated = t.truncated + n.truncated, preempted = t.preempted + n.preempted, failed = t.failed + n.failed,
        interrupted = t.interrupted + n.interrupted, skipped = t.skipped + n.skipped, seconds = t.seconds + n.seconds
    FROM (SELECT occurrence_id, count(*) FILTER (WHERE outcome IN ('Completed', 'Late')) AS aired,
              count(*) FILTER (WHERE outcome = 'Late') AS late, count(*) FILTER (WHERE outcome = 'Missed') AS missed,
              count(*) FILTER (WHERE outcome = 'Truncated') AS truncated, count(*) FILTER (WHERE outcome = 'Preempted') AS preempted,
              count(*) FILTER (WHERE outcome = 'Failed') AS failed, count(*) FILTER (WHERE outcome = 'Interrupted') AS interrupted,
              count(*) FILTER (WHERE outcome = 'Skipped') AS skipped, sum(played_seconds) AS seconds
          FROM added GROUP BY occurrence_id) n
    WHERE t.occurrence_id = n.occurrence_id;
    RETURN NULL;
END $$;
CREATE TRIGGER occurrence_tally_airtime_added AFTER INSERT ON airtime
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION bh_tally_airtime_added();
