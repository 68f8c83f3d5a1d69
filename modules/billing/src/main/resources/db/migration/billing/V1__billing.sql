-- The Stripe Customer of each climber who started a checkout; created once, reused.
CREATE TABLE customer (
    owner_id            uuid        PRIMARY KEY,
    stripe_customer_id  text        NOT NULL UNIQUE,
    created_at          timestamptz NOT NULL DEFAULT now()
);

-- A climber's subscription as Stripe last told us, through a verified webhook followed by a
-- fetch of the subscription itself. Entitlements are derived from this row only.
CREATE TABLE subscription (
    owner_id                uuid        PRIMARY KEY,
    stripe_subscription_id  text        NOT NULL UNIQUE,
    plan                    text,
    state                   text        NOT NULL
                            CHECK (state IN ('incomplete', 'active', 'past_due', 'canceling', 'canceled')),
    stripe_status           text        NOT NULL,
    current_period_end      timestamptz,
    cancel_at_period_end    boolean     NOT NULL DEFAULT false,
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Every verified webhook event, once: a repeat delivery of the same id is acknowledged and
-- ignored. Processed on the job queue; outcome says what the event changed (or why nothing).
CREATE TABLE webhook_event (
    event_id      text        PRIMARY KEY,
    type          text        NOT NULL,
    payload       jsonb       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    processed_at  timestamptz,
    outcome       text
);
