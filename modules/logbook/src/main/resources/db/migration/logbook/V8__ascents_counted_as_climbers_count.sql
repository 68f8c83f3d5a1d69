-- Issue #16: count ascents the way climbers do.
--
-- A send is a lead or a boulder without weighting the rope. A clean top rope or follow is an
-- ascent of its own style (AscentStyle.TOP_ROPE, FOLLOW): it counts as a send only when the
-- climber's setting says so, which the queries decide, so the column holds the default rule.
UPDATE tick SET send = false WHERE send AND style IN ('top-rope', 'follow');

-- A top rope or follow of a sport or trad route keeps the route's discipline (the old rule made
-- Mountain Project's TR ticks and single-pitch follows discipline 'tr', so they never reached
-- the route's own pyramid). The same rule as MountainProjectClassifier: one rock type decides;
-- "Trad, Sport" takes the first listed and asks the climber to confirm. Content hashes are of
-- the source row, so a re-import would not have corrected these rows.
UPDATE tick
   SET discipline = CASE
           WHEN strpos(lower(source_route_type), 'sport') = 0 THEN 'trad'
           WHEN strpos(lower(source_route_type), 'trad') = 0 THEN 'sport'
           WHEN strpos(lower(source_route_type), 'sport') < strpos(lower(source_route_type), 'trad') THEN 'sport'
           ELSE 'trad' END,
       discipline_confirmed = NOT (strpos(lower(source_route_type), 'sport') > 0
                                   AND strpos(lower(source_route_type), 'trad') > 0),
       updated_at = now()
 WHERE source = 'mountain-project' AND discipline = 'tr'
   AND lower(coalesce(source_style, '')) IN ('tr', 'follow')
   AND coalesce(grade_system, '') NOT IN ('ice', 'mixed')
   AND (strpos(lower(source_route_type), 'sport') > 0 OR strpos(lower(source_route_type), 'trad') > 0);
