-- A climber's ticks. Imported ticks carry their source and a key stable across re-imports
-- of the same export (date + route + occurrence), so re-imports are exact and idempotent;
-- ticks entered by hand have source 'manual' and no key, and imports never touch them.
CREATE TABLE tick (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id             uuid        NOT NULL,
    source               text        NOT NULL,
    source_key           text,
    content_hash         text,
    import_id            uuid,
    route                text        NOT NULL,
    climbed_on           date        NOT NULL,
    grade                text        NOT NULL,
    grade_system         text,
    grade_index          integer,
    grade_level          integer,
    protection           text,
    aid_grade            text,
    discipline           text        NOT NULL,
    discipline_confirmed boolean     NOT NULL DEFAULT true,
    style                text        NOT NULL,
    send                 boolean     NOT NULL,
    source_style         text,
    source_lead_style    text,
    source_route_type    text,
    pitches              integer     NOT NULL DEFAULT 1 CHECK (pitches >= 1),
    length_ft            integer,
    location             text,
    location_path        text[]      NOT NULL DEFAULT '{}',
    route_url            text,
    notes                text,
    route_stars          numeric(3, 2),
    user_stars           numeric(3, 2),
    source_rating_code   integer,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tick_source_key_unique UNIQUE (owner_id, source, source_key)
);

-- Keyset pagination (newest first) and the per-owner scans every view makes.
CREATE INDEX tick_owner_date_idx ON tick (owner_id, climbed_on DESC, id DESC);
CREATE INDEX tick_owner_discipline_idx ON tick (owner_id, discipline, grade_index);

CREATE TABLE import (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id        uuid        NOT NULL,
    source          text        NOT NULL,
    file_name       text,
    profile_url     text,
    status          text        NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    rows_read       integer     NOT NULL DEFAULT 0,
    ticks_added     integer     NOT NULL DEFAULT 0,
    ticks_updated   integer     NOT NULL DEFAULT 0,
    ticks_unchanged integer     NOT NULL DEFAULT 0,
    ticks_skipped   integer     NOT NULL DEFAULT 0,
    warnings        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    error           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
CREATE INDEX import_owner_idx ON import (owner_id, created_at DESC);

-- The uploaded file, kept only until its import has run, so a restart loses nothing.
CREATE TABLE import_file (
    import_id uuid  PRIMARY KEY REFERENCES import (id) ON DELETE CASCADE,
    content   bytea NOT NULL
);
