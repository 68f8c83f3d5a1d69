-- The benchmark data set: :users climbers with :ticks ticks each, plus one climber (n = 0) with
-- 10,000 ticks for the analytics scenario. Seeded (:seed), so every run has the same data.
-- Grades follow each climber's level (most ticks a few grades below their best), dates spread
-- over ten years, disciplines mostly sport, then trad and top rope.
\set ON_ERROR_STOP on
SELECT setseed(:seed);

CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.owner;
CREATE TABLE bench.owner (n integer PRIMARY KEY, id uuid NOT NULL UNIQUE, best_level integer NOT NULL, ticks integer NOT NULL);
INSERT INTO bench.owner
SELECT n, gen_random_uuid(), 8 + floor(random() * 8)::int, CASE WHEN n = 0 THEN 10000 ELSE :ticks END
  FROM generate_series(0, :users) AS n;

DELETE FROM logbook.tick WHERE owner_id IN (SELECT id FROM bench.owner);

INSERT INTO logbook.tick (owner_id, source, source_key, content_hash, route, climbed_on, grade, grade_system, grade_index,
                          grade_level, discipline, style, send, pitches, length_ft, location, location_path)
SELECT o.id, 'mountain-project', 'bench-' || o.n || '-' || t.i, md5(o.n || '-' || t.i),
       'Route ' || (1 + floor(random() * 400))::int,
       date '2016-01-01' + floor(random() * 3650)::int,
       CASE WHEN g.level < 10 THEN '5.' || g.level
            ELSE '5.' || (10 + (g.level - 10) / 4) || substr('abcd', 1 + (g.level - 10) % 4, 1) END,
       'yds', g.level * 10, g.level,
       d.discipline, s.style, s.style <> 'attempt',
       CASE WHEN d.discipline = 'trad' THEN 1 + floor(random() * 4)::int ELSE 1 END,
       40 + floor(random() * 160)::int,
       'Crag ' || (1 + floor(random() * 30))::int || ', State ' || (1 + floor(random() * 5))::int,
       ARRAY['State ' || (1 + floor(random() * 5))::int, 'Area ' || (1 + floor(random() * 12))::int,
             'Crag ' || (1 + floor(random() * 30))::int]
  FROM bench.owner o
  CROSS JOIN LATERAL generate_series(1, o.ticks) AS t(i)
  CROSS JOIN LATERAL (SELECT greatest(6, o.best_level - floor(abs(random() + random() + random() - 1.5) * 4)::int
                                         + (t.i * 0)) AS level) g
  CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.65 THEN 'sport' WHEN r < 0.85 THEN 'trad' ELSE 'tr' END AS discipline
                        FROM (SELECT random() + t.i * 0 AS r) x) d
  CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.10 THEN 'onsight' WHEN r < 0.20 THEN 'flash' WHEN r < 0.70 THEN 'redpoint'
                                  ELSE 'attempt' END AS style
                        FROM (SELECT random() + t.i * 0 AS r) x) s;

ANALYZE logbook.tick;
ANALYZE bench.owner;
SELECT count(*) AS ticks, count(DISTINCT owner_id) AS climbers FROM logbook.tick WHERE owner_id IN (SELECT id FROM bench.owner);
