CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    parent_unit_id INTEGER REFERENCES units(id),
    created_at TEXT NOT NULL
);

CREATE TABLE communes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    parent_unit_id INTEGER REFERENCES units(id),
    created_at TEXT NOT NULL
);

CREATE TABLE speaker_clusters (
    id INTEGER PRIMARY KEY,
    commune_id INTEGER NOT NULL REFERENCES communes(id),
    name TEXT NOT NULL
);

CREATE TABLE zones (
    id INTEGER PRIMARY KEY,
    commune_id INTEGER NOT NULL UNIQUE REFERENCES communes(id),
    name TEXT NOT NULL
);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    commune_id INTEGER NOT NULL REFERENCES communes(id),
    weekdays_mask INTEGER NOT NULL CHECK (weekdays_mask BETWEEN 1 AND 127),
    start_local TEXT NOT NULL,
    length_minutes INTEGER NOT NULL CHECK (length_minutes BETWEEN 1 AND 1440),
    created_at TEXT NOT NULL
);

CREATE TABLE bulletins (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    original_file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    codec TEXT NOT NULL,
    frames INTEGER NOT NULL,
    sample_rate INTEGER NOT NULL,
    channels INTEGER NOT NULL,
    integrated_lufs REAL NOT NULL,
    true_peak_dbtp REAL NOT NULL,
    status TEXT NOT NULL,
    rejection_reason TEXT,
    valid_from TEXT,
    valid_until TEXT,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT
);

CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'daily',
    weekdays_mask INTEGER NOT NULL DEFAULT 127,
    priority TEXT NOT NULL DEFAULT 'normal',
    repeat_count INTEGER NOT NULL DEFAULT 1 CHECK (repeat_count BETWEEN 1 AND 100),
    repeat_interval_seconds INTEGER NOT NULL DEFAULT 0,
    cancelled_from TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE booking_items (
    booking_id INTEGER NOT NULL REFERENCES bookings(id),
    position INTEGER NOT NULL,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins(id),
    PRIMARY KEY (booking_id, position)
);

-- A dated instance of a session (kind 'session'), or an emergency airing (kind 'emergency', no session).
CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES sessions(id),
    zone_id INTEGER NOT NULL REFERENCES zones(id),
    kind TEXT NOT NULL DEFAULT 'session',
    local_date TEXT NOT NULL,
    start_utc TEXT NOT NULL,
    end_utc TEXT NOT NULL,
    state TEXT NOT NULL,
    arm_job_id TEXT,
    claimed_at TEXT,
    CHECK ((kind = 'session') = (session_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_occurrences_session_date ON occurrences(session_id, local_date) WHERE session_id IS NOT NULL;
CREATE INDEX ix_occurrences_start ON occurrences(start_utc);

CREATE TABLE rundown_items (
    occurrence_id INTEGER NOT NULL REFERENCES occurrences(id),
    position INTEGER NOT NULL,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins(id),
    booking_id INTEGER REFERENCES bookings(id),
    not_before_seconds REAL,
    PRIMARY KEY (occurrence_id, position)
);

-- Append-only: one record per item per occurrence. The unique key is what guarantees an occurrence never airs twice.
CREATE TABLE airtime (
    id INTEGER PRIMARY KEY,
    occurrence_id INTEGER NOT NULL REFERENCES occurrences(id),
    position INTEGER NOT NULL,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins(id),
    scheduled_start TEXT NOT NULL,
    actual_start TEXT,
    actual_end TEXT,
    played_seconds REAL NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT,
    recorded_at TEXT NOT NULL,
    UNIQUE (occurrence_id, position)
);
CREATE INDEX ix_airtime_scheduled ON airtime(scheduled_start);
CREATE TRIGGER airtime_no_update BEFORE UPDATE ON airtime BEGIN SELECT RAISE(ABORT, 'airtime is append-only'); END;
CREATE TRIGGER airtime_no_delete BEFORE DELETE ON airtime BEGIN SELECT RAISE(ABORT, 'airtime is append-only'); END;

-- Broadcast policy of a unit, inherited by every commune below it that has no nearer policy.
CREATE TABLE unit_policies (
    unit_id INTEGER PRIMARY KEY REFERENCES units(id),
    allowed_from TEXT NOT NULL,
    allowed_to TEXT NOT NULL,
    weekdays_mask INTEGER NOT NULL CHECK (weekdays_mask BETWEEN 1 AND 127),
    max_session_minutes INTEGER NOT NULL,
    max_sessions_per_day INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    created_at TEXT NOT NULL
);
