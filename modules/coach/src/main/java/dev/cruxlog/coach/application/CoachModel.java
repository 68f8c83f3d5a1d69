package dev.cruxlog.coach.application;

import java.util.List;

import dev.cruxlog.coach.domain.ChatTurn;
import dev.cruxlog.coach.domain.CoachContext;
import reactor.core.publisher.Flux;

/** Out-port: whatever writes the coach's answers, token by token. */
public interface CoachModel {

    /** Stored with each answer: "model:gpt-4o-mini", or "insights" for the logbook insights. */
    String name();

    /**
     * The answer as it is written. Fails with {@link CoachUnavailable} (a message for the climber)
     * when the provider cannot answer; completes when the answer is whole.
     */
    Flux<String> answer(Prompt prompt);

    /** The messages to send, and the data they were built from (for answers computed without a model). */
    record Prompt(List<ChatTurn> messages, CoachContext context) {
    }
}
