package dev.cruxlog.logbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A tick as other modules (analytics, coach) and the API see it.
 *
 * @param grade       the grade as logged
 * @param gradeIndex  position on the family's difficulty index (see the grades module), null if not indexed
 * @param gradeLevel  the pyramid level of the grade
 * @param discipline  sport, trad, tr, boulder, alpine, ice, mixed, aid, snow
 * @param style       onsight, flash, redpoint, pinkpoint, top-rope, follow, solo, repeat, attempt
 * @param tags        the climber's own labels
 * @param source      where the tick came from (mountain-project, eight-a, thecrag, ..., manual)
 * @param alsoLoggedIn other sources that logged the same climb (same route, same day); those
 *                    rows are kept but shown and counted only here
 * @param datedInFuture dated after tomorrow and not confirmed by the climber: kept, flagged,
 *                    and left out of recent windows
 */
public record TickView(UUID id, LocalDate date, String route, String grade, String gradeSystem, Integer gradeIndex,
                       Integer gradeLevel, String protection, String discipline, boolean disciplineConfirmed, boolean send,
                       String style, int pitches, Integer lengthFt, String location, List<String> locationPath,
                       String routeUrl, String notes, BigDecimal routeStars, BigDecimal userStars, String source,
                       List<String> tags, List<String> alsoLoggedIn, boolean datedInFuture) {

    public TickView {
        tags = tags == null ? List.of() : List.copyOf(tags);
        alsoLoggedIn = alsoLoggedIn == null ? List.of() : List.copyOf(alsoLoggedIn);
    }
}
