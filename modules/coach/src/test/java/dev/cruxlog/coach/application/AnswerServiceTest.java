package dev.cruxlog.coach.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.coach.CoachAllowance;
import dev.cruxlog.coach.AnswerStatus;
import dev.cruxlog.coach.domain.ClimberProfile;
import dev.cruxlog.coach.domain.CoachContext;
import dev.cruxlog.coach.domain.PromptBuilder;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Asking the coach, alone: the model, the stored conversation and the day's count are
 * in-memory ports, so the stream, a cancel and a failed provider are each seen event by event.
 */
class AnswerServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryConversations conversations = new InMemoryConversations();
    private final InMemoryUsage usage = new InMemoryUsage();
    private final Sinks.Many<String> model = Sinks.many().unicast().onBackpressureBuffer();
    private final List<AnswerStops.Stop> announced = new ArrayList<>();
    private final AnswerService answers = answers(new AnswerLimits(32_000, Duration.ofMinutes(5)));

    private AnswerService answers(AnswerLimits limits) {
        return new AnswerService(conversations,
                (owner, history, question) -> Mono.just(new CoachContext(TODAY, ClimberProfile.empty(), List.of(),
                        List.of(), null, history, question, SendCounting.LEADS_AND_BOULDERS, null)),
                new QuestionAllowance(usage, new CoachAllowance(2, -1), new StubModel(model), Clock.fixed(NOW, ZoneOffset.UTC)),
                new StubModel(model), new RunningAnswers(), stop -> Mono.fromRunnable(() -> announced.add(stop)), limits, 6_000);
    }

    /** An answer asked by the climber in a conversation, seen up to its first event ("started"). */
    private static StepVerifier.Step<CoachEvent> started(AnswerService service, UUID conversation, String question) {
        return StepVerifier.create(service.ask(CLIMBER, Tier.FREE, conversation, question))
                .assertNext(started -> assertThat(started.type()).isEqualTo("started"));
    }

    @Test
    void theAnswerStreamsTokenByTokenAndIsStoredWhole() {
        UUID conversation = conversations.start();

        started(answers, conversation, "  How do I train?  ")
                .then(() -> model.tryEmitNext("Hang"))
                .assertNext(token -> assertThat(token.text()).isEqualTo("Hang"))
                .then(() -> model.tryEmitNext("board."))
                .assertNext(token -> assertThat(token.text()).isEqualTo("board."))
                .then(model::tryEmitComplete)
                .assertNext(done -> assertThat(done.status()).isEqualTo(AnswerStatus.COMPLETE))
                .expectComplete()
                .verify(WAIT);

        assertThat(conversations.questions).containsExactly("How do I train?");
        assertThat(conversations.finished.values()).containsExactly("complete: Hangboard.");
        assertThat(conversations.titles).containsExactly("How do I train?");
        assertThat(usage.used).isEqualTo(1);
    }

    @Test
    void anAnswerLongerThanTheLimitIsCutWhereItReachesItAndTheProviderLetGo() {
        UUID conversation = conversations.start();
        AnswerService limited = answers(new AnswerLimits(10, Duration.ofMinutes(5)));

        started(limited, conversation, "Tell me everything")
                .then(() -> model.tryEmitNext("Hang"))
                .assertNext(token -> assertThat(token.text()).isEqualTo("Hang"))
                .then(() -> model.tryEmitNext("boards and more"))
                .assertNext(token -> assertThat(token.text()).as("what fits of the token").isEqualTo("boards"))
                .assertNext(error -> {
                    assertThat(error.type()).isEqualTo("error");
                    assertThat(error.text()).isEqualTo(
                            "The answer was cut here: it reached 10 characters, the most Cruxlog keeps of one answer.");
                })
                .expectComplete()
                .verify(WAIT);

        assertThat(conversations.finished.values()).containsExactly("failed: Hangboards");
        assertThat(usage.used).as("an answer was given: the question stays counted").isEqualTo(1);
        assertThat(model.currentSubscriberCount()).as("the provider's stream is no longer read").isZero();
    }

    @Test
    void anAnswerStillBeingWrittenAtItsDeadlineIsCutThere() {
        UUID conversation = conversations.start();
        AnswerService limited = answers(new AnswerLimits(32_000, Duration.ofMillis(300)));

        started(limited, conversation, "Go on")
                .then(() -> model.tryEmitNext("And then"))
                .assertNext(token -> assertThat(token.text()).isEqualTo("And then"))
                // The provider keeps the stream open and writes nothing more: only the deadline ends it.
                .assertNext(error -> assertThat(error.text()).isEqualTo(
                        "The answer was cut here: the coach wrote for 300 ms, the longest Cruxlog waits for one answer."))
                .expectComplete()
                .verify(WAIT);

        assertThat(conversations.finished.values()).containsExactly("failed: And then");
        assertThat(model.currentSubscriberCount()).isZero();
    }

    @Test
    void anAnswerIsWrittenToItsEndAndStoredAfterItsListenerLeaves() {
        UUID conversation = conversations.start();

        started(answers, conversation, "Quick one")
                .then(() -> model.tryEmitNext("Rest "))
                .assertNext(token -> assertThat(token.text()).isEqualTo("Rest "))
                .thenCancel()
                .verify(WAIT);
        model.tryEmitNext("more.");
        model.tryEmitComplete();

        assertThat(conversations.finished.values()).containsExactly("complete: Rest more.");
    }

    @Test
    void aProviderThatFailsBeforeWritingGivesTheQuestionBack() {
        UUID conversation = conversations.start();

        started(answers, conversation, "Why?")
                .then(() -> model.tryEmitError(new CoachUnavailable("The coach's model provider is busy right now.")))
                .assertNext(error -> {
                    assertThat(error.type()).isEqualTo("error");
                    assertThat(error.text()).isEqualTo("The coach's model provider is busy right now.");
                })
                .expectComplete()
                .verify(WAIT);

        assertThat(conversations.finished.values()).containsExactly("failed: ");
        assertThat(usage.used).as("given back").isZero();
    }

    @Test
    void aCancelKeepsWhatWasWrittenAndTheQuestionCounted() {
        UUID conversation = conversations.start();
        List<CoachEvent> seen = new ArrayList<>();

        StepVerifier.create(answers.ask(CLIMBER, Tier.FREE, conversation, "Tell me a lot").doOnNext(seen::add))
                .assertNext(started -> assertThat(started.type()).isEqualTo("started"))
                .then(() -> model.tryEmitNext("First, "))
                .assertNext(token -> assertThat(token.text()).isEqualTo("First, "))
                .then(() -> {
                    conversations.statusOfAnswers = AnswerStatus.STREAMING;
                    StepVerifier.create(answers.cancel(CLIMBER, conversation, seen.get(0).messageId()))
                            .expectNext(true).verifyComplete();
                })
                .assertNext(done -> assertThat(done.status()).isEqualTo(AnswerStatus.CANCELLED))
                .expectComplete()
                .verify(WAIT);

        assertThat(conversations.finished.values()).containsExactly("cancelled: First, ");
        assertThat(usage.used).isEqualTo(1);
        assertThat(announced).as("stopped here, nobody else told").isEmpty();
    }

    @Test
    void aCancelForAnAnswerWrittenElsewhereIsAnnouncedToEveryInstance() {
        UUID conversation = conversations.start();
        UUID writtenElsewhere = UUID.randomUUID();
        conversations.statusOfAnswers = AnswerStatus.STREAMING;

        StepVerifier.create(answers.cancel(CLIMBER, conversation, writtenElsewhere)).expectNext(true).verifyComplete();
        assertThat(announced).containsExactly(new AnswerStops.Stop(CLIMBER, writtenElsewhere));

        conversations.statusOfAnswers = AnswerStatus.COMPLETE;
        StepVerifier.create(answers.cancel(CLIMBER, conversation, writtenElsewhere)).as("already finished")
                .expectNext(false).verifyComplete();
    }

    @Test
    void theDaysQuestionsUsedUpRefuseBeforeAnythingIsStored() {
        UUID conversation = conversations.start();
        usage.used = 2;

        StepVerifier.create(answers.ask(CLIMBER, Tier.FREE, conversation, "One more?"))
                .expectError(QuotaExhausted.class)
                .verify(WAIT);

        assertThat(conversations.questions).isEmpty();
        assertThat(usage.used).isEqualTo(2);
    }

    @Test
    void aConversationThatIsNotTheClimbersAnswersEmptyAndCountsNothing() {
        StepVerifier.create(answers.ask(CLIMBER, Tier.FREE, UUID.randomUUID(), "Anyone there?"))
                .expectComplete()
                .verify(WAIT);

        assertThat(usage.used).isZero();
    }

    /** The model: whatever the test emits on its sink. */
    private record StubModel(Sinks.Many<String> tokens) implements CoachModel {

        @Override
        public String name() {
            return "model:stub";
        }

        @Override
        public Flux<String> answer(Prompt prompt) {
            return tokens.asFlux();
        }
    }

    /** One climber's day of questions. */
    private static final class InMemoryUsage implements DailyUsage {

        int used;

        @Override
        public Mono<Boolean> tryConsume(UUID owner, LocalDate day, int limit) {
            return Mono.fromSupplier(() -> {
                if (used >= limit) {
                    return false;
                }
                used++;
                return true;
            });
        }

        @Override
        public Mono<Void> refund(UUID owner, LocalDate day) {
            return Mono.fromRunnable(() -> used = Math.max(0, used - 1));
        }

        @Override
        public Mono<Integer> used(UUID owner, LocalDate day) {
            return Mono.fromSupplier(() -> used);
        }

        @Override
        public Mono<Void> eraseOwnedBy(UUID owner) {
            return Mono.fromRunnable(() -> used = 0);
        }
    }

    /** The climber's conversations in maps; only what asking touches. */
    private static final class InMemoryConversations implements Conversations {

        final Map<UUID, Conversation> held = new HashMap<>();
        final List<String> questions = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        final Map<UUID, String> finished = new HashMap<>();
        AnswerStatus statusOfAnswers = AnswerStatus.COMPLETE;

        UUID start() {
            UUID id = UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
            held.put(id, new Conversation(id, ConversationService.NEW_CONVERSATION, at, at));
            return id;
        }

        @Override
        public Mono<Conversation> find(UUID owner, UUID id) {
            return Mono.justOrEmpty(owner.equals(CLIMBER) ? held.get(id) : null);
        }

        @Override
        public Mono<List<UUID>> addQuestionAndAnswer(UUID owner, UUID conversationId, String question,
                                                     PromptBuilder.Prompt sent, String answeredBy, String titleIfNew) {
            return Mono.fromSupplier(() -> {
                questions.add(question);
                if (titleIfNew != null) {
                    titles.add(titleIfNew);
                }
                return List.of(UUID.randomUUID(), UUID.randomUUID());
            });
        }

        @Override
        public Mono<Void> finishAnswer(UUID answerId, String content, AnswerStatus status) {
            return Mono.fromRunnable(() -> finished.put(answerId, status.id() + ": " + content));
        }

        @Override
        public Mono<Message> answer(UUID owner, UUID conversationId, UUID answerId) {
            return Mono.fromSupplier(() -> new Message(answerId, "assistant", "", statusOfAnswers, "model:stub", null, null,
                    OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)));
        }

        @Override
        public Mono<SoFar> findWithLastTurns(UUID owner, UUID id, int count) {
            return find(owner, id).map(conversation -> new SoFar(conversation, List.of()));
        }

        @Override
        public Mono<Conversation> create(UUID owner, String title) {
            return Mono.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Flux<Conversation> list(UUID owner) {
            return Flux.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Mono<Conversation> rename(UUID owner, UUID id, String title) {
            return Mono.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Mono<Boolean> delete(UUID owner, UUID id) {
            return Mono.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Flux<Message> messages(UUID owner, UUID conversationId) {
            return Flux.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Flux<AbandonedAnswer> failAbandonedAnswers(Duration olderThan) {
            return Flux.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Mono<Message> feedback(UUID owner, UUID conversationId, UUID messageId, boolean helpful, String text) {
            return Mono.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Mono<String> context(UUID owner, UUID conversationId, UUID messageId) {
            return Mono.error(new UnsupportedOperationException("not asked of answers"));
        }

        @Override
        public Mono<Void> eraseOwnedBy(UUID owner) {
            return Mono.error(new UnsupportedOperationException("not asked of answers"));
        }
    }
}
