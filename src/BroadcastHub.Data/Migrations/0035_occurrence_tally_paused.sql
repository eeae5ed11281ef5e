-- The plan writer's bulk inserts pause two tally triggers (migration 0034) inside its own write transactions: a new
-- occurrence and each of its rundown items fired one trigger each, and every item's trigger rewrote the occurrence's
-- entry of ix_occurrence_tally_zone_start — two thirds of a 1,000-commune first plan (docs/performance.md, "Planning on
-- SQLite again"). While the writer's transaction holds SQLite's write lock it inserts the one row of this table, writes
-- its chunks, sets the tally of the occurrences it wrote in one statement, and deletes the row before it commits, so no
-- other connection ever sees it (the tally stays exact whoever writes). The other tally triggers are unchanged.
CREATE TABLE occurrence_tally_paused (
    paused INTEGER PRIMARY KEY CHECK (paused = 1)
);

DROP TRIGGER occurrence_tally_occurrence_added;
CREATE TRIGGER occurrence_tally_occurrence_added AFTER INSERT ON occurrences
WHEN NOT EXISTS (SELECT 1 FROM occurrence_tally_paused)
BEGIN
    INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled) VALUES (NEW.id, NEW.zone_id, NEW.start_utc, NEW.state = 'Cancelled');
END;

DROP TRIGGER occurrence_tally_item_added;
CREATE TRIGGER occurrence_tally_item_added AFTER INSERT ON rundown_items
WHEN NOT EXISTS (SELECT 1 FROM occurrence_tally_paused)
BEGIN
    UPDATE occurrence_tally SET items = items + 1 WHERE occurrence_id = NEW.occurrence_id;
END;
