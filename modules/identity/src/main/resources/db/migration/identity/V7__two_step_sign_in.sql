-- Two-step sign-in (ASVS 6.3.3): a TOTP key per account and ten single-use recovery codes.
-- A key is stored as it is: the server must compute codes from it, so it cannot be hashed.
-- confirmed_at stays null while the climber is setting it up (the key shown, no code typed yet);
-- only a confirmed key asks for a code at sign-in. last_used_step makes every code single use
-- (ASVS 6.5.1): a code is accepted only for a later step than the last one accepted.
CREATE TABLE two_step_key (
    account_id     uuid        PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    key            bytea       NOT NULL CHECK (octet_length(key) = 20),
    confirmed_at   timestamptz,
    last_used_step bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- 120-bit codes, so SHA-256 is enough to store them (ASVS 6.5.2); used_at marks the one use.
CREATE TABLE recovery_code (
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  bytea       NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);

-- A password accepted for an account with two-step sign-in on: the bearer of this (hashed,
-- 256-bit, five-minute) token may finish signing in with a code, and nothing else.
CREATE TABLE sign_in_challenge (
    token_hash bytea       PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
);
CREATE INDEX sign_in_challenge_account ON sign_in_challenge (account_id);
