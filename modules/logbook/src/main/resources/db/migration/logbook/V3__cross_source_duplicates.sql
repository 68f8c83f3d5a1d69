-- A climb logged in two logbooks (say Mountain Project and 8a.nu) is imported twice, once per
-- source: both rows are kept, and the later one points at the earlier one, so every view shows
-- and counts the climb once. Two ticks are the same climb when their route names match once
-- case, spaces and punctuation are ignored, on the same day, from different sources.
ALTER TABLE tick
    ADD COLUMN route_match_key text GENERATED ALWAYS AS (lower(regexp_replace(route, '[^[:alnum:]]+', '', 'g'))) STORED,
    ADD COLUMN duplicate_of uuid REFERENCES tick (id) ON DELETE SET NULL;

CREATE INDEX tick_owner_match_idx ON tick (owner_id, climbed_on, route_match_key);
CREATE INDEX tick_duplicate_of_idx ON tick (duplicate_of) WHERE duplicate_of IS NOT NULL;
