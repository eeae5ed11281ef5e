-- Airtime chain form 2: a record's hash also covers its occurrence's zone and commune and the bulletin's SHA-256
-- (docs/airtime-chain.md). Records written before keep form 1 and verify as they were.
ALTER TABLE airtime ADD COLUMN chain_form INTEGER NOT NULL DEFAULT 1;

-- Signed statements of the chain's head; the signing key lives outside the database (data folder's keys/).
CREATE TABLE airtime_checkpoints (
    id INTEGER PRIMARY KEY,
    head_id INTEGER NOT NULL,
    head_hash TEXT NOT NULL,
    legacy_until_id INTEGER NOT NULL,
    signed_at TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE TRIGGER airtime_checkpoints_no_update BEFORE UPDATE ON airtime_checkpoints BEGIN SELECT RAISE(ABORT, 'airtime checkpoints are append-only'); END;
CREATE TRIGGER airtime_checkpoints_no_delete BEFORE DELETE ON airtime_checkpoints BEGIN SELECT RAISE(ABORT, 'airtime checkpoints are append-only'); END;

-- Crash recovery reads only claimed occurrences that ended recently, not the whole history.
CREATE INDEX ix_occurrences_state_end ON occurrences(state, end_utc);
