-- The job queue. Rows are written in the same transaction as the business change that
-- needs the work, claimed with FOR UPDATE SKIP LOCKED, and kept after they finish so an
-- operator can see what ran, what failed, and why.
CREATE TABLE job (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL,
    payload      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status       text        NOT NULL DEFAULT 'queued'
                 CHECK (status IN ('queued', 'running', 'succeeded', 'dead')),
    attempts     integer     NOT NULL DEFAULT 0,
    max_attempts integer     NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    run_at       timestamptz NOT NULL DEFAULT now(),
    locked_by    text,
    locked_until timestamptz,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);

-- Claiming looks only at unfinished jobs; finished ones stay out of this index.
CREATE INDEX job_claimable_idx ON job (run_at, id) WHERE status IN ('queued', 'running');
CREATE INDEX job_kind_status_idx ON job (kind, status);
