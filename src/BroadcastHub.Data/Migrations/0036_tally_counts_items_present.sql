-- A new occurrence's tally row (migration 0034) counts the rundown items already there, so the tally is exact whichever
-- is written first: the planner's item batches can reach the database before the batch that holds their occurrences
-- (foreign keys deferred to the commit), and the item trigger then finds no tally row to update — those occurrences
-- were counted with no items. Counts already left wrong that way are repaired. PostgreSQL: same number under postgres/.
-- The trigger still stands aside while the plan writer has paused it (migration 0035), which sets the tally itself.
DROP TRIGGER occurrence_tally_occurrence_added;
CREATE TRIGGER occurrence_tally_occurrence_added AFTER INSERT ON occurrences
WHEN NOT EXISTS (SELECT 1 FROM occurrence_tally_paused)
BEGIN
    INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled, items)
    VALUES (NEW.id, NEW.zone_id, NEW.start_utc, NEW.state = 'Cancelled', (SELECT count(*) FROM rundown_items WHERE occurrence_id = NEW.id));
END;

UPDATE occurrence_tally SET items = (SELECT count(*) FROM rundown_items r WHERE r.occurrence_id = occurrence_tally.occurrence_id)
WHERE items <> (SELECT count(*) FROM rundown_items r WHERE r.occurrence_id = occurrence_tally.occurrence_id);
