-- The first page of GET /api/v1/logbook/ticks exactly as Cruxlog runs it (R2dbcTicks.pageJson,
-- no filters, newest first): PostgreSQL builds the page's JSON; the caller writes it through.
-- The query itself is the function logbook.newest_ticks_page (logbook migration V13), which the
-- planner inlines, over the view logbook.tick_page_item (V6): the text a driver is sent stays
-- short. :owner is the climber, :size the page size (the query reads one more row to know whether
-- a next page exists). The fair baseline (benchmarks/baseline) runs this same text.
SELECT * FROM logbook.newest_ticks_page(:owner, :size)
