-- A tick as the ticks page serves it (TickView's JSON shape), beside the columns the page filters
-- and sorts on. The page query selects from this view instead of spelling the 23 fields out: the
-- R2DBC driver tokenizes the whole SQL text of every statement it is given, and the 2 KB text
-- cost more allocation per page than anything else the application did (docs/benchmarks.md).
-- The planner inlines the view, so the plan is the query's own; row_to_json runs only for the
-- rows the page keeps. TickPageJsonContractTest holds the shape equal to Jackson's TickView.
CREATE VIEW tick_page_item AS
SELECT tick.*,
       row_to_json(v) AS item
  FROM tick
 CROSS JOIN LATERAL (
       SELECT tick.id, tick.climbed_on AS "date", tick.route, tick.grade, tick.grade_system AS "gradeSystem",
              tick.grade_index AS "gradeIndex", tick.grade_level AS "gradeLevel", tick.protection, tick.discipline,
              tick.discipline_confirmed AS "disciplineConfirmed", tick.send, tick.style, tick.pitches,
              tick.length_ft AS "lengthFt", tick.location, tick.location_path AS "locationPath",
              tick.route_url AS "routeUrl", tick.notes_plain AS notes, tick.route_stars AS "routeStars",
              tick.user_stars AS "userStars", tick.source, tick.tags,
              ARRAY(SELECT DISTINCT d.source FROM tick d
                     WHERE d.duplicate_of = tick.id AND d.owner_id = tick.owner_id
                     ORDER BY d.source) AS "alsoLoggedIn") v;
