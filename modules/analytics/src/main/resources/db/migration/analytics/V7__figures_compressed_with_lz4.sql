-- A figure's body is compressed with lz4 where the server has it (PostgreSQL 14 and later built
-- with lz4, as Debian's is), not with the default pglz: the 50,000-tick climber's figures (two
-- ways of counting, 15 MB of JSON) took 151-175 ms to check and compress with pglz inside every
-- write that changes a tick, 52-63 ms with lz4, for 5.5 MB stored against 4.0
-- (docs/benchmarks.md, eleventh session). Pages decompress them faster too. Rows written before
-- keep pglz until their next refresh; a server without lz4 keeps pglz.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE logbook_figure ALTER COLUMN body SET COMPRESSION lz4;
    END IF;
END
$$;
