-- Issue #16: a tick the climber deleted came back on the next re-import without a word. A
-- deleted imported tick is remembered here, whole (its row as JSON), so that a re-import skips
-- it (and says so) and the climber can bring it back exactly as it was.
CREATE TABLE deleted_tick (
    id          uuid        PRIMARY KEY,               -- the tick's own id, kept for the restore
    owner_id    uuid        NOT NULL REFERENCES identity.account (id),
    source      text        NOT NULL,
    source_key  text        NOT NULL,
    route       text        NOT NULL,
    climbed_on  date        NOT NULL,
    tick        jsonb       NOT NULL,
    deleted_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deleted_tick_source_key_unique UNIQUE (owner_id, source, source_key)
);
CREATE INDEX deleted_tick_owner_idx ON deleted_tick (owner_id, deleted_at DESC);

-- How many of an import's rows were ticks the climber had deleted (not imported again).
ALTER TABLE import ADD COLUMN ticks_kept_deleted integer NOT NULL DEFAULT 0;

-- Puts a remembered tick back as it was, whatever columns the tick table has by then (a column
-- added later is restored too; generated columns are computed again). Its cross-source link is
-- dropped: the tick it pointed to may be gone, and the next import links it again.
CREATE FUNCTION restore_deleted_tick(owner uuid, deleted uuid) RETURNS uuid
    LANGUAGE plpgsql AS $$
DECLARE
    columns text;
    selected text;
    restored uuid;
BEGIN
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg('r.' || quote_ident(column_name), ', ' ORDER BY ordinal_position)
      INTO columns, selected
      FROM information_schema.columns
     WHERE table_schema = 'logbook' AND table_name = 'tick' AND is_generated = 'NEVER';
    EXECUTE format('INSERT INTO logbook.tick (%s) SELECT %s FROM logbook.deleted_tick d, '
                   'jsonb_populate_record(NULL::logbook.tick, d.tick - ''duplicate_of'') AS r '
                   'WHERE d.owner_id = $1 AND d.id = $2 ON CONFLICT DO NOTHING RETURNING id', columns, selected)
        INTO restored USING owner, deleted;
    IF restored IS NOT NULL THEN
        DELETE FROM logbook.deleted_tick WHERE owner_id = owner AND id = deleted;
    END IF;
    RETURN restored;
END;
$$;
