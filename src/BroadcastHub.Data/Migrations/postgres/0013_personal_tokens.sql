-- PostgreSQL form of ../0013_personal_tokens.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- Personal API tokens (made by a user for automation) beside the short-lived tokens that /api/auth/token issues
-- at sign-in; existing rows are all sign-in tokens. Tokens are listed per user.
ALTER TABLE api_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'sign-in';
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id, kind);
