-- The note as served (no markup: see PlainText), computed once when a tick is written instead of
-- on every read, so the ticks page can be built by PostgreSQL and written through. The note as
-- logged stays in "notes" for the CSV export. Existing rows are filled by V5 (Java: the same
-- cleaner the application uses).
ALTER TABLE tick ADD COLUMN notes_plain text;
