-- Relays (issue 13, tiếp sóng): live streams a session can relay. A rundown item is either a bulletin or a relay
-- (exactly one of bulletin_id / relay_source_id); relay_seconds is its booked length (NULL = until the session's end).
-- SQLite cannot drop a NOT NULL or add a CHECK in place, so rundown_items is rebuilt with every row, its key and its
-- foreign keys (no index, trigger or view refers to it). A relay booking has no booking_items: the source and length
-- are on the booking itself. Names are unique among the sources not deleted.
CREATE TABLE relay_sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    deleted_utc TEXT
);
CREATE UNIQUE INDEX ux_relay_sources_name ON relay_sources(name) WHERE deleted_utc IS NULL;

CREATE TABLE rundown_items_0030 (
    occurrence_id INTEGER NOT NULL REFERENCES occurrences(id),
    position INTEGER NOT NULL,
    bulletin_id INTEGER REFERENCES bulletins(id),
    booking_id INTEGER REFERENCES bookings(id),
    not_before_seconds REAL,
    fill TEXT,
    relay_source_id INTEGER REFERENCES relay_sources(id),
    relay_seconds REAL,
    PRIMARY KEY (occurrence_id, position),
    CONSTRAINT ck_rundown_items_bulletin_or_relay CHECK ((bulletin_id IS NULL) <> (relay_source_id IS NULL))
);
INSERT INTO rundown_items_0030 (occurrence_id, position, bulletin_id, booking_id, not_before_seconds, fill)
    SELECT occurrence_id, position, bulletin_id, booking_id, not_before_seconds, fill FROM rundown_items;
DROP TABLE rundown_items;
ALTER TABLE rundown_items_0030 RENAME TO rundown_items;

ALTER TABLE bookings ADD COLUMN relay_source_id INTEGER REFERENCES relay_sources(id);
ALTER TABLE bookings ADD COLUMN relay_seconds REAL;
