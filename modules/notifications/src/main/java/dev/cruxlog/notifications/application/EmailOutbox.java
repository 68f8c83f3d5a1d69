package dev.cruxlog.notifications.application;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.cruxlog.notifications.Email;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Out-port: the outbox table. */
public interface EmailOutbox {

    Mono<Long> add(Email email);

    Mono<Stored> find(long id);

    /**
     * Marks a row sent. Unless {@code keepLink}, its action link is cleared: a link carries a
     * reset or verification token, and once delivered the server has no need to hold it.
     */
    Mono<Void> markSent(long id, boolean keepLink);

    Mono<Void> recordFailure(long id, String error);

    Mono<Void> eraseOwnedBy(UUID ownerId);

    Flux<Stored> latest(int limit);

    record Stored(long id, Email email, OffsetDateTime createdAt, OffsetDateTime sentAt, int attempts, String lastError) {
    }
}
