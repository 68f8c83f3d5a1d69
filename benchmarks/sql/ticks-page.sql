-- The first page of GET /api/v1/logbook/ticks exactly as Cruxlog runs it (R2dbcTicks.pageDocument,
-- no filters, newest first): PostgreSQL builds the page's JSON; the caller writes it through.
-- :owner is the climber, :size the page size (the query reads one more row to know whether a
-- next page exists). The fair baseline (benchmarks/baseline) runs this same text.
SELECT coalesce(json_agg(p.tick ORDER BY p.n) FILTER (WHERE p.n <= :size), '[]') AS items,
       count(*) > :size AS more,
       max(p.grade_key) FILTER (WHERE p.n = :size) AS last_grade,
       max(p.climbed_on) FILTER (WHERE p.n = :size) AS last_date,
       max(CAST(p.id AS text)) FILTER (WHERE p.n = :size) AS last_id
  FROM (SELECT row_number() OVER (ORDER BY t.climbed_on DESC, t.id DESC) AS n, coalesce(t.grade_index, -1000) AS grade_key,
               t.climbed_on, t.id, v AS tick
          FROM logbook.tick t
         CROSS JOIN LATERAL (SELECT t.id, t.climbed_on AS "date", t.route, t.grade, t.grade_system AS "gradeSystem",
                                    t.grade_index AS "gradeIndex", t.grade_level AS "gradeLevel", t.protection, t.discipline,
                                    t.discipline_confirmed AS "disciplineConfirmed", t.send, t.style, t.pitches,
                                    t.length_ft AS "lengthFt", t.location, t.location_path AS "locationPath",
                                    t.route_url AS "routeUrl", t.notes_plain AS notes, t.route_stars AS "routeStars",
                                    t.user_stars AS "userStars", t.source, t.tags,
                                    ARRAY(SELECT DISTINCT d.source FROM logbook.tick d
                                           WHERE d.duplicate_of = t.id AND d.owner_id = t.owner_id ORDER BY d.source)
                                        AS "alsoLoggedIn") v
         WHERE t.owner_id = :owner AND t.duplicate_of IS NULL
         ORDER BY t.climbed_on DESC, t.id DESC
         LIMIT :size + 1) p
