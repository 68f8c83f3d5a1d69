-- The first page of a climber's ticks, newest first, unfiltered: what the logbook opens on and
-- what GET /api/v1/logbook/ticks answers without parameters, the busiest read Cruxlog serves.
-- R2dbcTicks builds this same query for every other shape of page (sorts, filters, a cursor);
-- this shape calls the function instead, so the statement text is 50 characters, not 600. The
-- R2DBC driver tokenizes the whole text of every statement on every call, and the 600 characters
-- were the largest allocation left per request (docs/benchmarks.md, "What still bounds Cruxlog here").
--
-- A SQL function that is STABLE, not STRICT, not SECURITY DEFINER, without SET and returning a
-- set is inlined by the planner into the calling query: the plan is the query's own, cached with
-- the driver's prepared statement as before (TickPageJsonContractTest checks both paths give the same
-- page, and that the plan has no Function Scan). -1000 is TickCursor.UNGRADED, as in R2dbcTicks.gradeKey.
CREATE FUNCTION newest_ticks_page(climber uuid, page_size int)
    RETURNS TABLE (items json, more boolean, last_grade int, last_date date, last_id text)
    LANGUAGE sql STABLE
AS $$
SELECT coalesce(json_agg(p.item ORDER BY p.n) FILTER (WHERE p.n <= $2), '[]') AS items,
       count(*) > $2 AS more,
       max(p.grade_key) FILTER (WHERE p.n = $2) AS last_grade,
       max(p.climbed_on) FILTER (WHERE p.n = $2) AS last_date,
       max(CAST(p.id AS text)) FILTER (WHERE p.n = $2) AS last_id
  FROM (SELECT row_number() OVER (ORDER BY tick.climbed_on DESC, tick.id DESC) AS n,
               coalesce(tick.grade_index, -1000) AS grade_key, tick.climbed_on, tick.id, tick.item
          FROM logbook.tick_page_item tick
         WHERE tick.owner_id = $1 AND tick.duplicate_of IS NULL
         ORDER BY tick.climbed_on DESC, tick.id DESC
         LIMIT $2 + 1) p
$$;
