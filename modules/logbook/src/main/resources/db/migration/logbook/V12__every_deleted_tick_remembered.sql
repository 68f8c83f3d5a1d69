-- Issue #19: a deleted tick can be undone, whether it was imported or logged by hand. Ticks
-- logged by hand have no source key (nothing to skip on a re-import), so the key may be null
-- here; the unique key still holds for imported ones (NULLs never conflict).
ALTER TABLE deleted_tick ALTER COLUMN source_key DROP NOT NULL;
