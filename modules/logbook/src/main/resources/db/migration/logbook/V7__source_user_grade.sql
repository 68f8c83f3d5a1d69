-- Mountain Project's "Your Rating": the grade the climber gave the route, kept as the source
-- wrote it so that the CSV export gives it back (issue #16: the export dropped it).
ALTER TABLE tick ADD COLUMN source_user_grade text;
