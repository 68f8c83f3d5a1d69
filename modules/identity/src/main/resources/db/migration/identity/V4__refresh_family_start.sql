-- When an API sign-in began: every token a refresh rotates out of it carries the same start, so
-- a client that keeps refreshing still signs in again after SESSION_MAX_LIFETIME (ASVS 7.3.2).
-- Families signed in before this migration count from now.
ALTER TABLE refresh_token ADD COLUMN family_started_at timestamptz NOT NULL DEFAULT now();
