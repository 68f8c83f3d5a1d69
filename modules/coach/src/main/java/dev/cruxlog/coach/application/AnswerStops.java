package dev.cruxlog.coach.application;

import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Out-port: a climber's request to stop an answer, told to every instance. An answer is written
 * by the instance that was asked; a cancel may reach any instance, so the one that receives it
 * announces it, and the writing instance hears it and stops ({@link AnswerService#stopIfWrittenHere}).
 */
public interface AnswerStops {

    /** The channel the stops are heard on (PostgreSQL {@code LISTEN}). */
    String CHANNEL = "coach_answer_stop";

    /** Tells every instance, once the caller's transaction (if any) commits. */
    Mono<Void> announce(Stop stop);

    /** Whose answer, and which: the writing instance checks both, as a cancel on it would. */
    record Stop(UUID owner, UUID answerId) {

        /** "owner-id answer-id", the notification's payload. */
        public String payload() {
            return owner + " " + answerId;
        }

        /** The stop a payload stands for; empty for anything else. */
        public static Optional<Stop> fromPayload(String payload) {
            int space = payload.indexOf(' ');
            try {
                return Optional.of(new Stop(UUID.fromString(payload.substring(0, space)),
                        UUID.fromString(payload.substring(space + 1))));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }
    }
}
