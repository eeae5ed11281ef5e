-- PostgreSQL form of ../0024_station_agents.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- Station agents (issue 10): the credential of each enrolled agent (only its SHA-256 is kept), what it last reported,
-- and the receipt of every airtime record it uploaded (the airtime table itself stays append-only and unchanged).
CREATE TABLE station_credentials (
    station_id BIGINT PRIMARY KEY REFERENCES stations(id),
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL
);

CREATE TABLE station_heartbeats (
    station_id BIGINT PRIMARY KEY REFERENCES stations(id),
    last_seen_at TEXT NOT NULL,
    agent_version TEXT,
    clock_offset_ms BIGINT,
    ntp_synchronized INTEGER,
    cache_ready_until TEXT,
    pending_airtime INTEGER,
    zone_states TEXT
);

CREATE TABLE station_airtime_receipts (
    occurrence_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    station_id BIGINT NOT NULL REFERENCES stations(id),
    content_hash TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (occurrence_id, position)
);
