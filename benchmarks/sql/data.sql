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

-- Every owner is an account (owner columns refer to identity.account). Nobody signs in with
-- these: the harness mints their tokens, and '!' is no bcrypt hash.
INSERT INTO identity.account (id, email, email_normalized, username, username_normalized, password_hash, email_verified_at)
SELECT id, 'bench' || n || '@bench.invalid', 'bench' || n || '@bench.invalid', 'bench' || n, 'bench' || n, '!', now()
  FROM bench.owner
ON CONFLICT DO NOTHING;

-- Fields in the proportions of the shared Mountain Project exports (1,575 ticks of three climbers):
-- a route link and average stars on every tick, the climber's own stars on about half, a length
-- on 80 %, a note on 40 % (about 55 characters on average, a long tail past 300), location paths
-- of four to five parts (about 80 characters), and tags on 5 % (Cruxlog's own, not in exports).
INSERT INTO logbook.tick (owner_id, source, source_key, content_hash, route, climbed_on, grade, grade_system, grade_index,
                          grade_level, discipline, style, send, pitches, length_ft, location, location_path,
                          route_url, notes, route_stars, user_stars, tags)
SELECT o.id, 'mountain-project', 'bench-' || o.n || '-' || t.i, md5(o.n || '-' || t.i),
       r.route,
       date '2016-01-01' + floor(random() * 3650)::int,
       CASE WHEN g.level < 10 THEN '5.' || g.level
            ELSE '5.' || (10 + (g.level - 10) / 4) || substr('abcd', 1 + (g.level - 10) % 4, 1) END,
       'yds', g.level * 10, g.level,
       d.discipline, s.style, s.style <> 'attempt',
       CASE WHEN d.discipline = 'trad' THEN 1 + floor(random() * 4)::int ELSE 1 END,
       CASE WHEN random() < 0.8 THEN 40 + floor(random() * 160)::int END,
       l.crag || ', ' || l.region,
       ARRAY[l.region, l.area, l.sector, l.crag] || CASE WHEN random() < 0.5 THEN ARRAY[l.crag || ' Wall'] ELSE '{}'::text[] END,
       'https://www.mountainproject.com/route/' || (105000000 + r.n * 7919) || '/' || lower(replace(r.route, ' ', '-')),
       nt.note,
       round((1 + random() * 3)::numeric, 1),
       CASE WHEN random() < 0.47 THEN (1 + floor(random() * 4))::numeric END,
       CASE WHEN tg.r < 0.03 THEN ARRAY['project'] WHEN tg.r < 0.05 THEN ARRAY['trip: Kalymnos 2024', 'project']
            ELSE '{}'::text[] END
  FROM bench.owner o
  CROSS JOIN LATERAL generate_series(1, o.ticks) AS t(i)
  CROSS JOIN LATERAL (SELECT n, 'Route ' || n || (ARRAY[' Arete', ' Crack', ' Roof Direct', ' Dihedral', ''])[1 + n % 5] AS route
                        FROM (SELECT (1 + floor(random() * 400))::int + t.i * 0 AS n) x) r
  CROSS JOIN LATERAL (SELECT 'State ' || (1 + c % 5) AS region, 'Red River Gorge Area ' || (1 + c % 12) AS area,
                             'Pendergrass-Murray ' || (1 + c % 7) AS sector, 'Chica Bonita ' || c AS crag
                        FROM (SELECT (1 + floor(random() * 30))::int + t.i * 0 AS c) x) l
  CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.4 THEN
                                repeat((ARRAY['Fell twice above the 4th bolt. ', 'Emma led, I cleaned. ',
                                              'Used lots of small gear, bomber jams. ', 'So so good, lead this next time! ',
                                              'Slipped at the start but we count it. ', 'Crux: RH sidepull, LF high, throw to jug. ',
                                              'Cold temps and clouds helped with the sweat. ', 'One hang at the roof, then sent. '])
                                       [1 + floor(random() * 8)::int], 1 + floor(-ln(1 - random() + t.i * 0) * 1.0)::int) END AS note) nt
  CROSS JOIN LATERAL (SELECT random() + t.i * 0 AS r) tg
  CROSS JOIN LATERAL (SELECT greatest(6, o.best_level - floor(abs(random() + random() + random() - 1.5) * 4)::int
                                         + (t.i * 0)) AS level) g
  CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.65 THEN 'sport' WHEN r < 0.85 THEN 'trad' ELSE 'tr' END AS discipline
                        FROM (SELECT random() + t.i * 0 AS r) x) d
  CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.10 THEN 'onsight' WHEN r < 0.20 THEN 'flash' WHEN r < 0.70 THEN 'redpoint'
                                  ELSE 'attempt' END AS style
                        FROM (SELECT random() + t.i * 0 AS r) x) s;

-- The served note (a plain-text note is served as it is). Guarded so that the same data can be
-- loaded into a schema from before the column existed, to measure the app before the change.
SELECT EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = 'logbook' AND table_name = 'tick' AND column_name = 'notes_plain') AS has_notes_plain \gset
\if :has_notes_plain
UPDATE logbook.tick SET notes_plain = notes WHERE notes IS NOT NULL AND owner_id IN (SELECT id FROM bench.owner);
\endif

VACUUM ANALYZE logbook.tick;
ANALYZE bench.owner;
SELECT count(*) AS ticks, count(DISTINCT owner_id) AS climbers, round(avg((notes IS NOT NULL)::int), 2) AS with_notes,
       round(avg(length(notes)), 0) AS note_chars, round(avg(length(array_to_string(location_path, ' > '))), 0) AS path_chars,
       round(avg((user_stars IS NOT NULL)::int), 2) AS with_own_stars, round(avg((cardinality(tags) > 0)::int), 2) AS tagged
  FROM logbook.tick WHERE owner_id IN (SELECT id FROM bench.owner);
