package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A tick as the logbook's figures read it: only what they group, order and count by.
 *
 * @param routeKey    identifies the route across ticks: its Mountain Project page, or its
 *                    lower-cased name and location (as the database computes it)
 * @param send        the stored lead or boulder send; a top rope or follow may count too, by
 *                    the climber's {@link dev.cruxlog.logbook.SendCounting}
 * @param lengthFeet  null where the logbook does not know it
 */
public record FigureTick(UUID id, String routeKey, String route, String location, List<String> locationPath,
                         LocalDate climbedOn, String discipline, String grade, Integer gradeIndex, Integer gradeLevel,
                         String style, boolean send, int pitches, Integer lengthFeet) {

    public FigureTick {
        // Not List.copyOf: a path may hold a null part, which PostgreSQL's arrays allow.
        locationPath = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(locationPath));
    }

    /** The same tick, its route identified by {@code key}. */
    public FigureTick withRouteKey(String key) {
        return new FigureTick(id, key, route, location, locationPath, climbedOn, discipline, grade, gradeIndex, gradeLevel,
                style, send, pitches, lengthFeet);
    }
}
