-- Every replacement of a read-model figure gets a new revision (issue #17, ADR 0015): an
-- instance that holds a figure decoded in memory asks for the body only when the stored
-- revision is not the one it holds, so a page reads a few bytes instead of the whole figure.
CREATE SEQUENCE logbook_figure_revision;
ALTER TABLE logbook_figure ADD COLUMN revision bigint NOT NULL DEFAULT nextval('logbook_figure_revision');
