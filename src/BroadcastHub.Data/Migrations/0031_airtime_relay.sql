-- Relays on air (issue 13): an airtime record is a bulletin's or a relay's. A relay record has no bulletin
-- (bulletin_id NULL), its relay source, the seconds and count of the stream's outages while it aired, and the path of
-- its recording (relative to the data folder). Its chain hash covers these fields (form 3, docs/airtime-chain.md).
-- SQLite cannot drop a NOT NULL in place, so airtime is rebuilt keeping every row, id and hash, then its indexes and
-- triggers (0001, 0011) are made again. DROP TABLE fires no DELETE trigger.
CREATE TABLE airtime_0031 (
    id INTEGER PRIMARY KEY,
    occurrence_id INTEGER NOT NULL REFERENCES occurrences(id),
    position INTEGER NOT NULL,
    bulletin_id INTEGER REFERENCES bulletins(id),
    scheduled_start TEXT NOT NULL,
    actual_start TEXT,
    actual_end TEXT,
    played_seconds REAL NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT,
    recorded_at TEXT NOT NULL,
    prev_hash TEXT,
    hash TEXT,
    chain_form INTEGER NOT NULL DEFAULT 1,
    relay_source_id INTEGER REFERENCES relay_sources(id),
    outage_seconds REAL,
    outages INTEGER,
    recording_path TEXT,
    UNIQUE (occurrence_id, position)
);
INSERT INTO airtime_0031 (id, occurrence_id, position, bulletin_id, scheduled_start, actual_start, actual_end, played_seconds,
    outcome, error, recorded_at, prev_hash, hash, chain_form)
    SELECT id, occurrence_id, position, bulletin_id, scheduled_start, actual_start, actual_end, played_seconds,
        outcome, error, recorded_at, prev_hash, hash, chain_form FROM airtime;
DROP TABLE airtime;
ALTER TABLE airtime_0031 RENAME TO airtime;

CREATE INDEX ix_airtime_scheduled ON airtime(scheduled_start);
CREATE INDEX ix_airtime_occurrence_outcome ON airtime(occurrence_id, outcome, played_seconds);
CREATE TRIGGER airtime_no_update BEFORE UPDATE ON airtime BEGIN SELECT RAISE(ABORT, 'airtime is append-only'); END;
CREATE TRIGGER airtime_no_delete BEFORE DELETE ON airtime BEGIN SELECT RAISE(ABORT, 'airtime is append-only'); END;
CREATE TRIGGER airtime_chain_required BEFORE INSERT ON airtime
WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL OR length(NEW.hash) <> 64 OR length(NEW.prev_hash) <> 64
BEGIN SELECT RAISE(ABORT, 'airtime records are appended through the hash chain'); END;
