package dev.cruxlog.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.logbook.Discipline;
import reactor.core.publisher.Mono;

/** Analytics' API for other modules (the coach): a climber's pyramid, as the pyramid endpoint shows it. */
public interface Pyramids {

    /**
     * The disciplines a pyramid can be drawn for (the logbook's, snow aside: it has no grades to
     * stack), by their ids, in the order pages offer them.
     */
    List<String> DISCIPLINES = Stream.of(Discipline.SPORT, Discipline.TRAD, Discipline.BOULDER, Discipline.TOP_ROPE,
            Discipline.ALPINE, Discipline.ICE, Discipline.MIXED, Discipline.AID).map(Discipline::id).toList();

    /**
     * @param discipline     one of {@link #DISCIPLINES}
     * @param from           first day counted, or null for the whole logbook
     * @param levels         how many grade levels, hardest first
     * @param includeFollows for sport and trad: count top-rope ascents and follows too
     */
    Mono<PyramidView> pyramid(UUID owner, String discipline, LocalDate from, LocalDate to, int levels, boolean includeFollows);

    /**
     * Whole-logbook pyramids of several disciplines, in the order asked, each as
     * {@link #pyramid} answers it without follows: the climber's settings are read once for all
     * of them (the coach asks for three with every question).
     */
    Mono<List<PyramidView>> wholeLogbook(UUID owner, List<String> disciplines, int levels);

    /**
     * As {@link #wholeLogbook(UUID, List, int)}, under the climber's settings as the caller already
     * read them ({@code Accounts.settings}): the coach reads them for its own figures too, and a
     * question then costs one read of them, not two.
     */
    Mono<List<PyramidView>> wholeLogbook(UUID owner, ClimberSettings settings, List<String> disciplines, int levels);
}
