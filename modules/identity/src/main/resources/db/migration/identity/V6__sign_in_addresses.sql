-- The client addresses each account signed in from successfully (ASVS 6.1.1): from an address
-- its owner used in the last 30 days, a sign-in is not refused by the per-account limit, which
-- an attacker elsewhere could otherwise keep full to lock the owner out. Rows older than 90
-- days are dropped as the account signs in again.
CREATE TABLE sign_in_address (
    account_id      uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    address         text        NOT NULL,
    last_success_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, address)
);
