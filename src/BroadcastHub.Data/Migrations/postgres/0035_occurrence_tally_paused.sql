-- Twin of the SQLite migration 0035, which lets the SQLite plan writer pause two tally triggers inside its own write
-- transactions. The table exists here too so that the schemas match (migrate-to-postgres copies every table; this one is
-- always empty after a commit). The PostgreSQL plan writer does not pause anything: its triggers are unchanged.
CREATE TABLE occurrence_tally_paused (
    paused INTEGER PRIMARY KEY CHECK (paused = 1)
);
