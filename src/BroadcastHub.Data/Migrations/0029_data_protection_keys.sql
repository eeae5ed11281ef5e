-- The ASP.NET Core data-protection key ring (it protects sign-in cookies and antiforgery tokens) when the hub runs on
-- PostgreSQL, so every hub node reads and writes the same keys. On SQLite the key ring stays in files under the data
-- folder (keys/data-protection); the table exists here only so both engines have the same schema.
CREATE TABLE data_protection_keys (
    name TEXT PRIMARY KEY,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
