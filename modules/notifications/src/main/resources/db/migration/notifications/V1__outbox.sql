-- Emails to send. A row is written in the same transaction as the change it reports, so
-- no email goes out for a rolled-back change and none is lost for a committed one.
CREATE TABLE outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id    uuid,
    recipient   text        NOT NULL,
    template    text        NOT NULL,
    name        text,
    action_url  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text
);

CREATE INDEX outbox_owner_idx ON outbox (owner_id);
CREATE INDEX outbox_created_idx ON outbox (created_at DESC);
