-- A delivered email's link (a reset or verification token) is no longer kept: forget the
-- links of emails already delivered. New ones are cleared as they are sent (issue #15).
UPDATE outbox SET action_url = NULL WHERE sent_at IS NOT NULL;
