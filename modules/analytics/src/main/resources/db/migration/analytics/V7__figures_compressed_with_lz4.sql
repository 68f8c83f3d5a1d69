-- A figure's body is compressed with lz4 where the server has it (PostgreSQL 14 and later built
-- with lz4, as Debian's is), not with the default pglz: the 50,000-tick climber's figures (two
-- ways of counting, 15 MB of JSON) took 149-163 ms to check and compress with pglz inside every
-- write that changes a tick, 54-61 ms with lz4 (docs/benchmarks.md, eleventh session). The price
-- is space: 2.75 MB stored against 1.98 MB, 39 % more. Rows written before keep pglz until their
-- next refresh; a server without lz4 keeps pglz (the branch below is not even parsed there).
-- Restoring a dump of this table onto a server without lz4 needs pg_restore --no-toast-compression.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE logbook_figure ALTER COLUMN body SET COMPRESSION lz4;
    END IF;
END
$$;
