package dev.cruxlog.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Analytics' API for other modules (the coach): a climber's pyramid, as the pyramid endpoint shows it. */
public interface Pyramids {

    /** The disciplines a pyramid can be drawn for, in the order pages offer them. */
    List<String> DISCIPLINES = List.of("sport", "trad", "boulder", "tr", "alpine", "ice", "mixed", "aid");

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
}
