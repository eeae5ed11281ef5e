-- Programmes (playlists): a named, ordered list of bulletins, imported from or exported to extended M3U (.m3u8).
CREATE TABLE playlists (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE playlist_items (
    playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    bulletin_id INTEGER NOT NULL REFERENCES bulletins(id),
    PRIMARY KEY (playlist_id, position)
);
CREATE INDEX ix_playlist_items_bulletin ON playlist_items(bulletin_id);
