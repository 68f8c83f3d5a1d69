package dev.cruxlog.coach.application;

import java.util.UUID;

import dev.cruxlog.coach.domain.CoachContext;
import reactor.core.publisher.Mono;

/**
 * What the coach knows when a question is asked: the climber's profile, logbook figures and the
 * conversation so far, gathered from the other modules' APIs ({@link ContextAssembler}).
 */
public interface QuestionContexts {

    Mono<CoachContext> assemble(UUID owner, UUID conversationId, String question);
}
