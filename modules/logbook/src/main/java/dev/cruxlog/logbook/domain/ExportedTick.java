package dev.cruxlog.logbook.domain;

import dev.cruxlog.logbook.TickView;

/**
 * A tick as the CSV export writes it: what the climber sees, and what its source file said in
 * the columns Cruxlog reads but does not show (Mountain Project's style words, route type,
 * rating code and "Your Rating"), so that the export gives them back.
 */
public record ExportedTick(TickView tick, String sourceStyle, String sourceLeadStyle, String sourceRouteType,
                           Integer sourceRatingCode, String sourceUserGrade) {
}
