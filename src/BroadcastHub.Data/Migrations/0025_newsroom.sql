-- The newsroom (issue 14): a bulletin decoded by ffmpeg (AAC, Opus, FLAC, AMR, a video's sound) keeps its original under
-- sha256 and a decoded WAV house copy, also content-addressed, that playout airs; how the bulletin was made (an upload,
-- a browser recording or text to speech); and, for text to speech, the text that was read out, shown to the reviewer.
ALTER TABLE bulletins ADD COLUMN house_sha256 TEXT;
ALTER TABLE bulletins ADD COLUMN house_size_bytes INTEGER;
ALTER TABLE bulletins ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'upload';
ALTER TABLE bulletins ADD COLUMN spoken_text TEXT;
CREATE INDEX ix_bulletins_house_sha256 ON bulletins(house_sha256);
