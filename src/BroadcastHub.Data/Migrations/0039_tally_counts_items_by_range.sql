-- Nothing to change on SQLite: the PostgreSQL migration of the same number counts a new occurrence's items with one
-- range scan per statement (SQLite's tally triggers are row triggers, paused by the plan writer). Kept so that both
-- dialects carry the same numbers.
SELECT 1;
