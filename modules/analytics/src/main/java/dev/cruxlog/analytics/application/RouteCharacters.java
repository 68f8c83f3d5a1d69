package dev.cruxlog.analytics.application;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Out-port: crux angle and energy the climber gave their routes. */
public interface RouteCharacters {

    Mono<Map<String, Character>> all(UUID owner);

    Mono<Character> save(UUID owner, String routeKey, String cruxAngle, String cruxEnergy);

    Mono<Void> eraseOwnedBy(UUID owner);

    record Character(String cruxAngle, String cruxEnergy) {
    }
}
