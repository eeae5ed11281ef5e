-- Nothing to change on SQLite: the PostgreSQL migration of the same number replaces six declared foreign keys by
-- set-based checks of the same effect (PostgreSQL checks a declared key per inserted row; SQLite's check is a cheap
-- lookup in the same process). Kept so that both dialects carry the same numbers.
SELECT 1;
