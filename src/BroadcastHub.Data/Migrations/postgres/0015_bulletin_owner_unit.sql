-- PostgreSQL form of ../0015_bulletin_owner_unit.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- The unit that owns a bulletin: the uploader's unit. NULL = organisation-wide (uploaded by a user without a unit,
-- or before owners were recorded), visible to every unit. Units see their subtree's bulletins and their ancestors'.
ALTER TABLE bulletins ADD COLUMN owner_unit_id BIGINT REFERENCES units(id);
CREATE INDEX ix_bulletins_owner_unit ON bulletins(owner_unit_id);
