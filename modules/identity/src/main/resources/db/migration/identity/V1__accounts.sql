-- Accounts and everything that proves who is asking. Secrets (session cookies, refresh
-- tokens, emailed links) are stored only as SHA-256 hashes; passwords only as bcrypt.
CREATE TABLE account (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email                text        NOT NULL,
    email_normalized     text        NOT NULL UNIQUE,
    username             text        NOT NULL,
    username_normalized  text        NOT NULL UNIQUE,
    password_hash        text        NOT NULL,
    email_verified_at    timestamptz,
    tier                 text        NOT NULL DEFAULT 'FREE' CHECK (tier IN ('FREE', 'PREMIUM')),
    roles                text[]      NOT NULL DEFAULT ARRAY['USER'],
    active               boolean     NOT NULL DEFAULT true,
    mountain_project_url text,
    eight_a_slug         text,
    grade_systems        jsonb       NOT NULL DEFAULT '{"route": "yds", "boulder": "v"}'::jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    last_login_at        timestamptz
);

CREATE TABLE web_session (
    token_hash   bytea       PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    user_agent   text,
    client_address text
);
CREATE INDEX web_session_account_idx ON web_session (account_id);

CREATE TABLE refresh_token (
    token_hash bytea       PRIMARY KEY,
    family_id  uuid        NOT NULL,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    spent_at   timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_account_idx ON refresh_token (account_id);

CREATE TABLE one_time_token (
    token_hash bytea       PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
    new_email  text,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX one_time_token_account_idx ON one_time_token (account_id, purpose);

-- Failed sign-ins per key ("a+ip:<login>|<ip>", "a:<login>", "ip:<ip>") in fixed windows.
CREATE TABLE login_throttle (
    key               text        PRIMARY KEY,
    window_started_at timestamptz NOT NULL,
    failures          integer     NOT NULL
);

-- The HMAC key for API access tokens when none is configured: one row, shared by every instance.
CREATE TABLE signing_secret (
    id         integer     PRIMARY KEY CHECK (id = 1),
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
