-- Issue #16: a tick dated in the future (after tomorrow, so that no time zone makes today's
-- climb look like one) is kept but flagged; the climber fixes its date or confirms it once,
-- and a confirmed one is no longer flagged. "Recent" windows leave future ticks out either way.
ALTER TABLE tick ADD COLUMN future_date_confirmed boolean NOT NULL DEFAULT false;

-- The page view gains the flag: it selects tick.* (frozen at creation), so it is made again.
DROP VIEW tick_page_item;
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
                     ORDER BY d.source) AS "alsoLoggedIn",
              (tick.climbed_on > current_date + 1 AND NOT tick.future_date_confirmed) AS "datedInFuture") v;
