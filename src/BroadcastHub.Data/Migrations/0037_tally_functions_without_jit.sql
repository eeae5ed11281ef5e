-- Nothing to change on SQLite: the PostgreSQL migration of the same number turns JIT off in the tally's trigger
-- functions (SQLite has no JIT). Kept so that both dialects carry the same numbers.
SELECT 1;
