-- The climber's "count top-rope and follow ascents as sends" (issue #16): off by default, as
-- on 8a.nu and theCrag; every headline figure reads it.
ALTER TABLE account ADD COLUMN count_top_ropes_and_follows boolean NOT NULL DEFAULT false;
