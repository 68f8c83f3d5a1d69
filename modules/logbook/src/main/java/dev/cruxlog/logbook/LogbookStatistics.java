package dev.cruxlog.logbook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The logbook's aggregate queries, for analytics: computed in PostgreSQL, so their cost
 * grows with the answer (one row per route sent, a handful of numbers), not with the
 * logbook. Every method is scoped by owner; null dates mean "no bound".
 */
public interface LogbookStatistics {

    /**
     * One row per route the climber sent in the window: its first send, the ticks and days it
     * took up to that send, and how often it was sent in the window.
     *
     * @param styles the ascent styles that count as a send here (lead pyramids leave out
     *               top rope and follows)
     */
    Flux<RouteSend> firstSends(UUID owner, String discipline, List<String> styles, LocalDate from, LocalDate to);

    Mono<Overview> overview(UUID owner, LocalDate from, LocalDate to);

    /**
     * @param attempts ticks of the route up to and including its first send
     * @param days     distinct days on the route up to its first send
     * @param sends    sending ticks of the route in the window
     */
    record RouteSend(String route, String location, LocalDate firstSent, String grade, int gradeIndex, int gradeLevel,
                     String style, int attempts, int days, int sends) {
    }

    /**
     * @param disciplines ticks per discipline
     * @param favouriteAreas the three areas with the most pitches
     * @param bestSends  the hardest send per discipline
     */
    record Overview(long ticks, long pitches, long daysOutside, LocalDate firstDay, long uniqueAreas, long regions,
                    long sends, Map<String, Long> disciplines, List<Area> favouriteAreas, List<BestSend> bestSends) {

        public double sendRate() {
            return ticks == 0 ? 0 : (double) sends / ticks;
        }
    }

    record Area(String name, long pitches, long ticks) {
    }

    record BestSend(String discipline, String route, String grade, int gradeIndex, LocalDate date) {
    }
}
