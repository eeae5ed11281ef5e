-- PostgreSQL form of ../0002_occurrence_progress.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- Progress of the occurrence on air, written as it plays, so a crash or power cut can be told apart from a
-- clean end: which item was on air, since when, and the last heartbeat.
ALTER TABLE occurrences ADD COLUMN progress_position BIGINT;
ALTER TABLE occurrences ADD COLUMN progress_item_started_at TEXT;
ALTER TABLE occurrences ADD COLUMN progress_at TEXT;
ALTER TABLE occurrences ADD COLUMN resume_count BIGINT NOT NULL DEFAULT 0;
