package dev.cruxlog.coach.application;

import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Out-port: questions asked per climber per day, counted atomically in the database. */
public interface DailyUsage {

    /** Counts one question if fewer than {@code limit} were asked that day; false (and nothing counted) otherwise. */
    Mono<Boolean> tryConsume(UUID owner, LocalDate day, int limit);

    /** Gives back a question whose answer never came (the provider failed). */
    Mono<Void> refund(UUID owner, LocalDate day);

    Mono<Integer> used(UUID owner, LocalDate day);

    Mono<Void> eraseOwnedBy(UUID owner);
}
