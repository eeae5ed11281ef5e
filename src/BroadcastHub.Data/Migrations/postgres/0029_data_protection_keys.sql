-- PostgreSQL form of ../0029_data_protection_keys.sql (same number, same schema; see docs/architecture.md, "Two database engines").
-- The ASP.NET Core data-protection key ring (it protects sign-in cookies and antiforgery tokens), shared by every hub
-- node: a cookie issued by one node is read by any other.
CREATE TABLE data_protection_keys (
    name TEXT PRIMARY KEY,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
