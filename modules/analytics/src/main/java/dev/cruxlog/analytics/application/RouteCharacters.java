package dev.cruxlog.analytics.application;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Out-port: crux angle and energy the climber gave their routes. */
public interface RouteCharacters {

    /**
     * Routes one climber may describe. A climber names the route by its key, so without a bound
     * anyone could store rows without end, and every pyramid reads all of them.
     */
    int MAX_ROUTES = 10_000;

    /** The longest route key accepted: a route page's address, or a name and location (see FigureTick#routeKey). */
    int MAX_KEY_LENGTH = 2_000;

    Mono<Map<String, Character>> all(UUID owner);

    /** Empty when the climber has described {@link #MAX_ROUTES} other routes already. */
    Mono<Character> save(UUID owner, String routeKey, String cruxAngle, String cruxEnergy);

    Mono<Void> eraseOwnedBy(UUID owner);

    record Character(String cruxAngle, String cruxEnergy) {
    }
}
