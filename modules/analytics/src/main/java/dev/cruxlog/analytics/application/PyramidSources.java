package dev.cruxlog.analytics.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import reactor.core.publisher.Mono;

/**
 * Out port: what a pyramid of the whole logbook is built from, read in one round trip: the
 * read model's stored first sends of the discipline ({@link LogbookFigures#firstSends}) and the
 * climber's route characters ({@link RouteCharacters#all}). A pyramid is the most viewed answer;
 * one statement instead of two halves its trips to the database after the climber's settings.
 */
public interface PyramidSources {

    Mono<Sources> ofWholeLogbook(UUID owner, SendCounting counting, String discipline);

    /** @param firstSends empty when the read model holds no current figure: the ticks answer then */
    record Sources(Optional<Revised<List<LogbookStatistics.RouteSend>>> firstSends,
                   Map<String, RouteCharacters.Character> characters) {
    }
}
