-- Tags a climber puts on ticks ("project", "trip: Kalymnos 2024"). Imports keep them when a
-- tick is updated from its source; only the climber (or a file that carries tags) sets them.
ALTER TABLE tick ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX tick_tags_idx ON tick USING gin (tags);
