-- PostgreSQL form of ../0031_airtime_relay.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- Relays on air (issue 13): a relay record has no bulletin, its relay source, outage seconds and count, and the path of
-- its recording (relative to the data folder); its chain hash covers them (form 3, docs/airtime-chain.md).
ALTER TABLE airtime ALTER COLUMN bulletin_id DROP NOT NULL;
ALTER TABLE airtime ADD COLUMN relay_source_id BIGINT REFERENCES relay_sources(id);
ALTER TABLE airtime ADD COLUMN outage_seconds DOUBLE PRECISION;
ALTER TABLE airtime ADD COLUMN outages BIGINT;
ALTER TABLE airtime ADD COLUMN recording_path TEXT;
