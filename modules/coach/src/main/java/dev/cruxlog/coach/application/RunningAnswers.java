package dev.cruxlog.coach.application;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Answers being written on this instance, so a climber can cancel one. An answer runs on its
 * own subscription, not the HTTP request's: a closed browser tab does not stop it, a cancel
 * does. A cancel that reaches another instance is announced to all ({@link AnswerStops}) and
 * heard here.
 */
@Component
class RunningAnswers {

    private record Running(UUID owner, Disposable generation) {
    }

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();

    void add(UUID owner, UUID answerId, Disposable generation) {
        running.put(answerId, new Running(owner, generation));
    }

    void remove(UUID answerId) {
        running.remove(answerId);
    }

    /** Stops the answer if it is the owner's and still being written here. */
    boolean cancel(UUID owner, UUID answerId) {
        Running found = running.get(answerId);
        if (found == null || !found.owner().equals(owner)) {
            return false;
        }
        found.generation().dispose();
        return true;
    }
}
