-- What the climber tells the coach about themselves (the old app's climber_context): one row
-- per climber, every field optional.
CREATE TABLE climber_profile (
    owner_id           uuid        PRIMARY KEY,
    goals              text,
    years_climbing     integer     CHECK (years_climbing BETWEEN 0 AND 90),
    sessions_per_week  integer     CHECK (sessions_per_week BETWEEN 0 AND 21),
    session_minutes    integer     CHECK (session_minutes BETWEEN 0 AND 1440),
    equipment          text,
    injuries           text,
    favourite_angles   text,
    weakest_angles     text,
    favourite_holds    text,
    weakest_holds      text,
    favourite_energy   text,
    weakest_energy     text,
    current_projects   text,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conversation (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id    uuid        NOT NULL,
    title       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_owner_idx ON conversation (owner_id, updated_at DESC);

-- Messages in order. An answer is written when it starts ('streaming') and completed when the
-- model finishes, whether or not anyone is still listening; 'cancelled' and 'failed' keep what
-- had arrived. A question keeps the context that was sent with it, so the climber can see it.
CREATE TABLE message (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id  uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    owner_id         uuid        NOT NULL,
    role             text        NOT NULL CHECK (role IN ('user', 'assistant')),
    content          text        NOT NULL DEFAULT '',
    status           text        NOT NULL DEFAULT 'complete'
                     CHECK (status IN ('streaming', 'complete', 'cancelled', 'failed')),
    answered_by      text,
    context          jsonb,
    helpful          boolean,
    feedback         text,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX message_conversation_idx ON message (conversation_id, created_at);
CREATE INDEX message_owner_idx ON message (owner_id);

-- Questions asked per climber per day, counted atomically against the tier's allowance.
CREATE TABLE daily_usage (
    owner_id  uuid    NOT NULL,
    day       date    NOT NULL,
    messages  integer NOT NULL,
    PRIMARY KEY (owner_id, day)
);
