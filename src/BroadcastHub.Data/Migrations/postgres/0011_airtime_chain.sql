-- PostgreSQL form of ../0011_airtime_chain.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- The airtime log becomes a hash chain: every record carries the hash of the record before it and its own hash,
-- SHA-256 over a canonical form of its fields (docs/airtime-chain.md). Records are appended by AirtimeRepository.
ALTER TABLE airtime ADD COLUMN prev_hash TEXT;
ALTER TABLE airtime ADD COLUMN hash TEXT;

-- Records written before this migration carry no hash; the chain starts after the last of them. Fixed once written.
CREATE TABLE airtime_chain_origin (legacy_until_id BIGINT NOT NULL);
INSERT INTO airtime_chain_origin (legacy_until_id) SELECT coalesce(max(id), 0) FROM airtime;
CREATE TRIGGER airtime_chain_origin_no_insert BEFORE INSERT ON airtime_chain_origin FOR EACH ROW EXECUTE FUNCTION bh_refuse('the airtime chain origin is fixed');
CREATE TRIGGER airtime_chain_origin_no_update BEFORE UPDATE ON airtime_chain_origin FOR EACH ROW EXECUTE FUNCTION bh_refuse('the airtime chain origin is fixed');
CREATE TRIGGER airtime_chain_origin_no_delete BEFORE DELETE ON airtime_chain_origin FOR EACH ROW EXECUTE FUNCTION bh_refuse('the airtime chain origin is fixed');

-- A record that does not link into the chain is refused rather than stored unlinked.
CREATE TRIGGER airtime_chain_required BEFORE INSERT ON airtime
FOR EACH ROW WHEN (NEW.hash IS NULL OR NEW.prev_hash IS NULL OR length(NEW.hash) <> 64 OR length(NEW.prev_hash) <> 64)
EXECUTE FUNCTION bh_refuse('airtime records are appended through the hash chain');

-- Compliance summary: occurrences of a zone by start, airtime outcomes per occurrence without touching the table,
-- and the unit tree.
CREATE INDEX ix_occurrences_zone_start ON occurrences(zone_id, start_utc, state);
CREATE INDEX ix_airtime_occurrence_outcome ON airtime(occurrence_id, outcome, played_seconds);
CREATE INDEX ix_units_parent ON units(parent_unit_id);
CREATE INDEX ix_communes_parent ON communes(parent_unit_id);
