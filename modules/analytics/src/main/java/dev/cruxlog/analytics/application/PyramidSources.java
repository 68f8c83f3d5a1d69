package dev.cruxlog.analytics.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import reactor.core.publisher.Mono;

/**
 * Out port: what pyramids of the whole logbook are built from, read in one round trip: the
 * read model's stored first sends of each discipline asked for ({@link LogbookFigures#firstSends})
 * and the climber's route characters ({@link RouteCharacters#all}). A pyramid is the most viewed
 * answer, and the coach asks for three with every question: one statement instead of one per
 * discipline and one for the characters.
 */
public interface PyramidSources {

    /** The sources of each wanted pyramid, in the order asked. */
    Mono<List<Sources>> ofWholeLogbook(UUID owner, List<Wanted> wanted);

    /** A discipline's stored first sends, as the climber counts sends for that pyramid. */
    record Wanted(SendCounting counting, String discipline) {
    }

    /** @param firstSends empty when the read model holds no current figure: the ticks answer then */
    record Sources(Optional<Revised<List<LogbookStatistics.RouteSend>>> firstSends,
                   Map<String, RouteCharacters.Character> characters) {
    }
}
