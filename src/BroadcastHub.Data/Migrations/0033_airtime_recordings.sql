-- Relay recordings a station agent uploaded (issue 13): the hub's own copy under air/relay of the recording an agent
-- made while airing a relay. The airtime row is append-only (hash chain), so where the hub keeps the file lives here,
-- one row per airtime record, written once (the same bytes again change nothing).
CREATE TABLE airtime_recordings (
    airtime_id INTEGER PRIMARY KEY REFERENCES airtime(id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    received_utc TEXT NOT NULL
);
