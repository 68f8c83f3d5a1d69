-- Review of V8 and V10 (issue #16).
--
-- 1. V8 moved Mountain Project top ropes and follows of sport and trad routes to the route's
--    discipline. The classifier gives the other routes their own too; the same here, so a
--    migrated logbook agrees with a fresh import of the same file (content hashes do not change,
--    so a re-import would not correct them). In the classifier's order: an ice grade on an ice
--    route, then a mixed grade; then a route of one other kind; an untyped follow is read as
--    sport, for the climber to confirm.
UPDATE tick SET discipline = 'ice', discipline_confirmed = true, updated_at = now()
 WHERE source = 'mountain-project' AND discipline = 'tr' AND lower(coalesce(source_style, '')) IN ('tr', 'follow')
   AND grade_system = 'ice' AND strpos(lower(coalesce(source_route_type, '')), 'ice') > 0;

UPDATE tick SET discipline = 'mixed', discipline_confirmed = true, updated_at = now()
 WHERE source = 'mountain-project' AND discipline = 'tr' AND lower(coalesce(source_style, '')) IN ('tr', 'follow')
   AND grade_system = 'mixed';

UPDATE tick SET discipline = lower(trim(split_part(source_route_type, ',', 1))),
                discipline_confirmed = strpos(source_route_type, ',') = 0, updated_at = now()
 WHERE source = 'mountain-project' AND discipline = 'tr' AND lower(coalesce(source_style, '')) IN ('tr', 'follow')
   AND lower(trim(split_part(source_route_type, ',', 1))) IN ('alpine', 'aid', 'snow', 'ice', 'mixed')
   AND lower(source_route_type) !~ '\m(sport|trad|tr)\M';

UPDATE tick SET discipline = 'sport', discipline_confirmed = false, updated_at = now()
 WHERE source = 'mountain-project' AND discipline = 'tr' AND lower(coalesce(source_style, '')) = 'follow'
   AND coalesce(source_route_type, '') = '';

-- 2. V10's restore put a column the remembered row does not have (one added after the
--    deletion) back as NULL, which a NOT NULL column refuses: such a column now gets its
--    default, as a new row would.
CREATE OR REPLACE FUNCTION restore_deleted_tick(owner uuid, deleted uuid) RETURNS uuid
    LANGUAGE plpgsql AS $$
DECLARE
    columns text;
    selected text;
    restored uuid;
BEGIN
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg(format('CASE WHEN d.tick ? %L THEN r.%I ELSE %s END', column_name, column_name,
                             coalesce(column_default, 'NULL')), ', ' ORDER BY ordinal_position)
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
