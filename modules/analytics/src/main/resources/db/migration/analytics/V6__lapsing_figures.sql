-- Figures that hold only until a day (a tick dated after tomorrow comes into recent hard sends
-- on its eve): the lapsed-figures sweep finds them by that day, not by reading every row.
CREATE INDEX logbook_figure_lapsing_idx ON logbook_figure (valid_through) WHERE valid_through IS NOT NULL;
