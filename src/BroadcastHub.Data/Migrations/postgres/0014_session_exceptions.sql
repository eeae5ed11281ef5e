-- PostgreSQL form of ../0014_session_exceptions.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- A date on which a session does not take place (holiday, event): the planner skips it and cancels its occurrence.
CREATE TABLE session_exceptions (
    session_id BIGINT NOT NULL REFERENCES sessions(id),
    local_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (session_id, local_date)
);
