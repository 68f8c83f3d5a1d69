-- The first page of GET /api/v1/logbook/ticks exactly as Cruxlog runs it (R2dbcTicks.pageJson,
-- no filters, newest first): PostgreSQL builds the page's JSON; the caller writes it through.
-- Each tick's JSON comes from the view logbook.tick_page_item (logbook migration V6), which the
-- planner inlines. :owner is the climber, :size the page size (the query reads one more row to
-- know whether a next page exists). The fair baseline (benchmarks/baseline) runs this same text.
SELECT coalesce(json_agg(p.item ORDER BY p.n) FILTER (WHERE p.n <= :size), '[]') AS items,
       count(*) > :size AS more,
       max(p.grade_key) FILTER (WHERE p.n = :size) AS last_grade,
       max(p.climbed_on) FILTER (WHERE p.n = :size) AS last_date,
       max(CAST(p.id AS text)) FILTER (WHERE p.n = :size) AS last_id
  FROM (SELECT row_number() OVER (ORDER BY tick.climbed_on DESC, tick.id DESC) AS n,
               coalesce(tick.grade_index, -1000) AS grade_key, tick.climbed_on, tick.id, tick.item
          FROM logbook.tick_page_item tick
         WHERE tick.owner_id = :owner AND tick.duplicate_of IS NULL
         ORDER BY tick.climbed_on DESC, tick.id DESC
         LIMIT :size + 1) p
