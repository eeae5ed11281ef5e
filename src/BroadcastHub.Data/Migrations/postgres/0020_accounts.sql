-- PostgreSQL form of ../0020_accounts.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- Accounts: a password that must be changed at the next sign-in (first administrator, reset), disabled users, and a
-- security stamp that changes when every other sign-in of the user must end (disable, password change, reset).
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
