-- A page session's public name, so its owner can see and end it from another device (ASVS
-- 7.5.2) without the hash of its secret ever leaving the database.
ALTER TABLE web_session ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE web_session ADD CONSTRAINT web_session_id_key UNIQUE (id);
