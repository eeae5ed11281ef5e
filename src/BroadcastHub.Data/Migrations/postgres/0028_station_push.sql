-- PostgreSQL form of ../0028_station_push.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- Push channel (issue 10/11): one row per open push connection of a station agent, kept by the hub node that holds it.
-- A node refreshes seen_at of its rows every 20 s and deletes a row when the connection closes; a row not refreshed for
-- a minute belongs to a node that died and no longer counts. Any node can so tell whether a station is reachable now.
CREATE TABLE station_push_connections (
    connection_id TEXT PRIMARY KEY,
    station_id BIGINT NOT NULL REFERENCES stations(id),
    node TEXT NOT NULL,
    connected_at TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

CREATE INDEX ix_station_push_connections_station ON station_push_connections (station_id, seen_at);
