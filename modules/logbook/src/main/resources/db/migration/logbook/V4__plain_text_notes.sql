-- The note as served (no markup: see PlainText), computed once when a tick is written instead of
-- on every read, so the ticks page can be built by PostgreSQL and written through. The note as
-- logged stays in "notes" for the CSV export.
ALTER TABLE tick ADD COLUMN notes_plain text;

-- A note without '<', '&' or a carriage return is served as it is (PlainText's shortcut, proven on
-- every cell of the shared exports; PostgreSQL text holds no NUL). The few others are cleaned by
-- the application's own cleaner at start-up (ServedNotes), over R2DBC, not here.
UPDATE tick SET notes_plain = notes WHERE notes IS NOT NULL AND notes !~ '[<&\r]';
