-- Access tokens (signed, 15 minutes) issued before this moment no longer write anything: set
-- when a password changes or the account signs out (issue #15); an inactive or deleted
-- account accepts none.
ALTER TABLE account ADD COLUMN access_tokens_valid_from timestamptz NOT NULL DEFAULT 'epoch';
