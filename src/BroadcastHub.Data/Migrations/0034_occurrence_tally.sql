-- One row per occurrence with what the compliance summary counts, kept exact by triggers whoever writes (the planner,
-- playout, the agents' outbox, emergency): its zone and start (copied, so that a zone's period is one index range), whether
-- it is cancelled, its rundown items, and its airtime records by outcome with their played seconds. The compliance summary
-- reads it on both engines instead of counting items and records one occurrence at a time (docs/performance.md, "Airtime
-- queries on PostgreSQL"); migrate-to-postgres copies it as it stands.
CREATE TABLE occurrence_tally (
    occurrence_id INTEGER PRIMARY KEY,
    zone_id INTEGER NOT NULL,
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
    seconds REAL NOT NULL DEFAULT 0
);

INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled, items, aired, late, missed, truncated, preempted, failed,
    interrupted, skipped, seconds)
SELECT o.id, o.zone_id, o.start_utc, o.state = 'Cancelled', coalesce(r.n, 0), coalesce(a.aired, 0), coalesce(a.late, 0),
    coalesce(a.missed, 0), coalesce(a.truncated, 0), coalesce(a.preempted, 0), coalesce(a.failed, 0), coalesce(a.interrupted, 0),
    coalesce(a.skipped, 0), coalesce(a.seconds, 0)
FROM occurrences o
LEFT JOIN (SELECT occurrence_id, count(*) AS n FROM rundown_items GROUP BY occurrence_id) r ON r.occurrence_id = o.id
LEFT JOIN (SELECT occurrence_id, sum(outcome IN ('Completed', 'Late')) AS aired, sum(outcome = 'Late') AS late,
               sum(outcome = 'Missed') AS missed, sum(outcome = 'Truncated') AS truncated, sum(outcome = 'Preempted') AS preempted,
               sum(outcome = 'Failed') AS failed, sum(outcome = 'Interrupted') AS interrupted, sum(outcome = 'Skipped') AS skipped,
               sum(played_seconds) AS seconds
           FROM airtime GROUP BY occurrence_id) a ON a.occurrence_id = o.id;

CREATE INDEX ix_occurrence_tally_zone_start ON occurrence_tally (zone_id, start_utc, cancelled, items, aired, late, missed, truncated,
    preempted, failed, interrupted, skipped, seconds);

CREATE TRIGGER occurrence_tally_occurrence_added AFTER INSERT ON occurrences
BEGIN
    INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled) VALUES (NEW.id, NEW.zone_id, NEW.start_utc, NEW.state = 'Cancelled');
END;

CREATE TRIGGER occurrence_tally_occurrence_moved AFTER UPDATE OF state, zone_id, start_utc ON occurrences
WHEN (OLD.state = 'Cancelled') <> (NEW.state = 'Cancelled') OR OLD.zone_id <> NEW.zone_id OR OLD.start_utc <> NEW.start_utc
BEGIN
    UPDATE occurrence_tally SET zone_id = NEW.zone_id, start_utc = NEW.start_utc, cancelled = NEW.state = 'Cancelled'
    WHERE occurrence_id = NEW.id;
END;

CREATE TRIGGER occurrence_tally_occurrence_removed AFTER DELETE ON occurrences
BEGIN
    DELETE FROM occurrence_tally WHERE occurrence_id = OLD.id;
END;

CREATE TRIGGER occurrence_tally_item_added AFTER INSERT ON rundown_items
BEGIN
    UPDATE occurrence_tally SET items = items + 1 WHERE occurrence_id = NEW.occurrence_id;
END;

CREATE TRIGGER occurrence_tally_item_removed AFTER DELETE ON rundown_items
BEGIN
    UPDATE occurrence_tally SET items = items - 1 WHERE occurrence_id = OLD.occurrence_id;
END;

CREATE TRIGGER occurrence_tally_item_moved AFTER UPDATE OF occurrence_id ON rundown_items
WHEN OLD.occurrence_id <> NEW.occurrence_id
BEGIN
    UPDATE occurrence_tally SET items = items - 1 WHERE occurrence_id = OLD.occurrence_id;
    UPDATE occurrence_tally SET items = items + 1 WHERE occurrence_id = NEW.occurrence_id;
END;

CREATE TRIGGER occurrence_tally_airtime_added AFTER INSERT ON airtime
BEGIN
    UPDATE occurrence_tally SET
        aired = aired + (NEW.outcome IN ('Completed', 'Late')), late = late + (NEW.outcome = 'Late'),
        missed = missed + (NEW.outcome = 'Missed'), truncated = truncated + (NEW.outcome = 'Truncated'),
        preempted = preempted + (NEW.outcome = 'Preempted'), failed = failed + (NEW.outcome = 'Failed'),
        interrupted = interrupted + (NEW.outcome = 'Interrupted'), skipped = skipped + (NEW.outcome = 'Skipped'),
        seconds = seconds + NEW.played_seconds
    WHERE occurrence_id = NEW.occurrence_id;
END;
