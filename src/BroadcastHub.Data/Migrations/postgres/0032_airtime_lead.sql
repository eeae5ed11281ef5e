-- PostgreSQL form of ../0032_airtime_lead.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- How far an airtime record's scheduled start lies from its occurrence's start, over the whole log (seconds; NULL while
-- the log is empty; a start that is not an instant counts as unbounded both ways), kept exact by a trigger on every
-- insert. AirtimeRepository, AirtimeLogPages and AirtimeSummaryRepository read it to reach a commune's records through
-- its occurrences (ix_occurrences_zone_start) instead of the whole hub's records of the period.
CREATE FUNCTION bh_lead_seconds(scheduled TEXT, start TEXT) RETURNS DOUBLE PRECISION LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN scheduled ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$' AND start ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        THEN extract(epoch FROM scheduled::timestamptz - start::timestamptz)::double precision END
$$;

CREATE TABLE airtime_lead (min_seconds DOUBLE PRECISION, max_seconds DOUBLE PRECISION);
INSERT INTO airtime_lead (min_seconds, max_seconds)
SELECT min(coalesce(d, '-infinity')), max(coalesce(d, 'infinity')) FROM (
    SELECT bh_lead_seconds(a.scheduled_start, o.start_utc) AS d
    FROM airtime a JOIN occurrences o ON o.id = a.occurrence_id) x;

CREATE FUNCTION bh_keep_airtime_lead() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d DOUBLE PRECISION; found_occurrence BOOLEAN;
BEGIN
    SELECT bh_lead_seconds(NEW.scheduled_start, o.start_utc), true INTO d, found_occurrence
    FROM occurrences o WHERE o.id = NEW.occurrence_id;
    IF found_occurrence THEN
        UPDATE airtime_lead SET min_seconds = LEAST(coalesce(min_seconds, 'infinity'), coalesce(d, '-infinity')),
                                max_seconds = GREATEST(coalesce(max_seconds, '-infinity'), coalesce(d, 'infinity'))
        WHERE coalesce(d, '-infinity') < coalesce(min_seconds, 'infinity') OR coalesce(d, 'infinity') > coalesce(max_seconds, '-infinity');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER airtime_lead_kept AFTER INSERT ON airtime FOR EACH ROW EXECUTE FUNCTION bh_keep_airtime_lead();

-- The compliance summary reads a zone's occurrences of a period from this index alone (the id and state included), not
-- one heap page per occurrence. Same key as before; SQLite's index carries the row id already.
CREATE INDEX ix_occurrences_zone_start_id ON occurrences (zone_id, start_utc, state) INCLUDE (id);
DROP INDEX ix_occurrences_zone_start;
ALTER INDEX ix_occurrences_zone_start_id RENAME TO ix_occurrences_zone_start;
