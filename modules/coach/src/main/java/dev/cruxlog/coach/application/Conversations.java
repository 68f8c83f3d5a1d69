package dev.cruxlog.coach.application;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.coach.AnswerStatus;
import dev.cruxlog.coach.domain.ChatTurn;
import dev.cruxlog.coach.domain.PromptBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Out-port: conversations and their messages. Every method is scoped by owner. */
public interface Conversations {

    record Conversation(UUID id, String title, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /**
     * @param status     a question's is always complete
     * @param answeredBy for answers: "model:..." or "insights"
     * @param helpful    the climber's feedback on an answer, null when none
     */
    record Message(UUID id, String role, String content, AnswerStatus status, String answeredBy, Boolean helpful,
                   String feedback, OffsetDateTime createdAt) {
    }

    Mono<Conversation> create(UUID owner, String title);

    Flux<Conversation> list(UUID owner);

    Mono<Conversation> find(UUID owner, UUID id);

    Mono<Conversation> rename(UUID owner, UUID id, String title);

    Mono<Boolean> delete(UUID owner, UUID id);

    Flux<Message> messages(UUID owner, UUID conversationId);

    /** One of the owner's answers in that conversation; empty when it is not theirs or not an answer. */
    Mono<Message> answer(UUID owner, UUID conversationId, UUID answerId);

    /**
     * The owner's conversation with its last {@code count} messages that have content, oldest
     * first, as the model sees them: what a question needs of it, in one read. Empty when it is
     * not theirs.
     */
    Mono<SoFar> findWithLastTurns(UUID owner, UUID id, int count);

    record SoFar(Conversation conversation, List<ChatTurn> lastTurns) {

        public SoFar {
            lastTurns = List.copyOf(lastTurns);
        }
    }

    /**
     * Stores a question with the prompt sent for it (what the climber can see as the question's
     * context), and the empty answer that will follow; returns both ids.
     */
    Mono<List<UUID>> addQuestionAndAnswer(UUID owner, UUID conversationId, String question, PromptBuilder.Prompt sent,
                                          String answeredBy, String titleIfNew);

    Mono<Void> finishAnswer(UUID answerId, String content, AnswerStatus status);

    /**
     * Marks answers still "streaming" after {@code olderThan} as failed (their instance stopped)
     * and returns each: whose, when it was asked, and whether any of it was stored (an answer's
     * text is stored when it ends, so a cut one has none).
     */
    Flux<AbandonedAnswer> failAbandonedAnswers(Duration olderThan);

    record AbandonedAnswer(UUID owner, Instant askedAt, boolean wroteNothing) {
    }

    Mono<Message> feedback(UUID owner, UUID conversationId, UUID messageId, boolean helpful, String text);

    /** The context JSON stored with a question, or with the question an answer replied to. */
    Mono<String> context(UUID owner, UUID conversationId, UUID messageId);

    Mono<Void> eraseOwnedBy(UUID owner);
}
