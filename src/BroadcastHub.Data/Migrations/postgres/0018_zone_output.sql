-- PostgreSQL form of ../0018_zone_output.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- The output a zone plays through, chosen by an administrator on the stations page. NULL: the configuration's
-- BroadcastHub:Outputs:Zone<id>, else BroadcastHub:Outputs:Default.
ALTER TABLE zones ADD COLUMN output_spec TEXT;
