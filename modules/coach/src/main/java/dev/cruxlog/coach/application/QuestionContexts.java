package dev.cruxlog.coach.application;

import java.util.List;
import java.util.UUID;

import dev.cruxlog.coach.domain.ChatTurn;
import dev.cruxlog.coach.domain.CoachContext;
import reactor.core.publisher.Mono;

/**
 * What the coach knows when a question is asked: the climber's profile and logbook figures,
 * gathered from the other modules' APIs ({@link ContextAssembler}), with the conversation so far.
 */
public interface QuestionContexts {

    /** @param history the conversation's last turns, oldest first ({@link Conversations#findWithLastTurns}) */
    Mono<CoachContext> assemble(UUID owner, List<ChatTurn> history, String question);
}
