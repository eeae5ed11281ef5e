-- A commune's programme around its bookings: what fills an under-filled session ('endEarly' = nothing, the default;
-- 'evergreen' = the evergreen playlist, cycling), and optional intro/outro jingles placed first/last in every session.
CREATE TABLE commune_programmes (
    commune_id INTEGER PRIMARY KEY REFERENCES communes(id),
    underfill TEXT NOT NULL DEFAULT 'endEarly' CHECK (underfill IN ('endEarly', 'evergreen')),
    evergreen_playlist_id INTEGER REFERENCES playlists(id) ON DELETE SET NULL,
    intro_bulletin_id INTEGER REFERENCES bulletins(id),
    outro_bulletin_id INTEGER REFERENCES bulletins(id),
    updated_at TEXT NOT NULL
);

-- Why the programme put an item in a rundown ('Intro', 'Evergreen', 'Outro'); null for booked and emergency items.
ALTER TABLE rundown_items ADD COLUMN fill TEXT;

-- A one-off session takes place only on this local date (its weekdays_mask then holds that date's weekday).
ALTER TABLE sessions ADD COLUMN valid_on TEXT;
