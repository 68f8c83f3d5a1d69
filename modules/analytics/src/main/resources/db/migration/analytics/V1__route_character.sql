-- What the climber says about a route in their pyramid: the angle and energy of its crux.
-- Keyed by the logbook's route key, so it survives re-imports and edits of the ticks.
CREATE TABLE route_character (
    owner_id    uuid        NOT NULL,
    route_key   text        NOT NULL,
    crux_angle  text        CHECK (crux_angle IN ('slab', 'vertical', 'overhang', 'roof')),
    crux_energy text        CHECK (crux_energy IN ('power', 'power-endurance', 'endurance', 'technical')),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, route_key)
);
