-- The read model's rows go with their account (ADR 0015), unlike the modules' own data
-- (ADR 0014: NO ACTION, each module erases its rows). They are derived from the logbook and
-- can always be computed again, and a release before the read model does not know this table:
-- rolled back to, its account deletion would fail on this key for every climber with figures.
-- AnalyticsErasure still deletes them first; the cascade is for the jar that cannot.
ALTER TABLE logbook_figure DROP CONSTRAINT logbook_figure_owner_id_fkey;
ALTER TABLE logbook_figure ADD CONSTRAINT logbook_figure_owner_id_fkey
    FOREIGN KEY (owner_id) REFERENCES identity.account (id) ON DELETE CASCADE;
