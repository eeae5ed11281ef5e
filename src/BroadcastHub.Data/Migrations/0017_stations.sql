-- Station PCs: each plays the zones assigned to it and takes its arm jobs from its own Hangfire queue.
-- Station 1 is the PC of the embedded deployment; a zone without a station (NULL) belongs to it.
CREATE TABLE stations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
INSERT INTO stations (id, name, created_at) VALUES (1, 'Máy phát tại đài', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
ALTER TABLE zones ADD COLUMN station_id INTEGER REFERENCES stations(id);
