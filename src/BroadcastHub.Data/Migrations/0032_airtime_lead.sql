-- How far an airtime record's scheduled start lies from its occurrence's start: the smallest and the largest
-- (scheduled_start - occurrence start_utc) in seconds over the whole log (NULL while the log is empty; a start that is not
-- an instant counts as unbounded both ways). Kept exact by a trigger on every insert, whoever writes. The PostgreSQL twin
-- reads it to bound the occurrences a commune's airtime query visits (docs/performance.md, "Airtime queries on
-- PostgreSQL"); the same table here so both engines share one schema and migrate-to-postgres copies it as it stands.
CREATE TABLE airtime_lead (min_seconds REAL, max_seconds REAL);
INSERT INTO airtime_lead (min_seconds, max_seconds)
SELECT min(coalesce(d, -9e999)), max(coalesce(d, 9e999)) FROM (
    SELECT (julianday(a.scheduled_start) - julianday(o.start_utc)) * 86400.0 AS d
    FROM airtime a JOIN occurrences o ON o.id = a.occurrence_id);

CREATE TRIGGER airtime_lead_kept AFTER INSERT ON airtime
BEGIN
    UPDATE airtime_lead SET
        min_seconds = min(coalesce(min_seconds, d.lo), d.lo),
        max_seconds = max(coalesce(max_seconds, d.hi), d.hi)
    FROM (SELECT coalesce(v, -9e999) AS lo, coalesce(v, 9e999) AS hi FROM (
              SELECT (julianday(NEW.scheduled_start) - julianday(o.start_utc)) * 86400.0 AS v
              FROM occurrences o WHERE o.id = NEW.occurrence_id)) AS d
    WHERE d.lo < coalesce(min_seconds, 9e999) OR d.hi > coalesce(max_seconds, -9e999);
END;
