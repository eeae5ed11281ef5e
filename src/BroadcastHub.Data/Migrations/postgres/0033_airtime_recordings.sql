-- PostgreSQL form of ../0033_airtime_recordings.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- Relay recordings a station agent uploaded: the hub's copy under air/relay, one row per airtime record, written once.
CREATE TABLE airtime_recordings (
    airtime_id BIGINT PRIMARY KEY REFERENCES airtime(id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    received_utc TEXT NOT NULL
);
