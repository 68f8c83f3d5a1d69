package dev.cruxlog.coach.application;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cruxlog.coach.AnswerStatus;
import dev.cruxlog.coach.domain.CoachContext;
import dev.cruxlog.coach.domain.PromptBuilder;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.platform.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * Asking the coach. A question is counted against the day's allowance ({@link QuestionAllowance}),
 * its context assembled and stored with it, and the answer written on its own subscription: the
 * browser receives it as it is written, and the answer is stored when it ends whether or not the
 * browser is still there. A failed provider gives the question back. A climber can stop an
 * answer from any instance.
 */
@Service
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    public static final int MAX_QUESTION = 4_000;
    private final Conversations conversations;
    private final QuestionContexts contexts;
    private final QuestionAllowance allowance;
    private final CoachModel model;
    private final RunningAnswers running;
    private final AnswerStops stops;
    private final AnswerLimits limits;
    private final int tokenBudget;

    public AnswerService(Conversations conversations, QuestionContexts contexts, QuestionAllowance allowance,
                         CoachModel model, RunningAnswers running, AnswerStops stops, AnswerLimits limits,
                         @org.springframework.beans.factory.annotation.Value("${cruxlog.coach.context-token-budget:6000}")
                         int tokenBudget) {
        this.conversations = conversations;
        this.contexts = contexts;
        this.allowance = allowance;
        this.model = model;
        this.running = running;
        this.stops = stops;
        this.limits = limits;
        this.tokenBudget = tokenBudget;
    }

    /**
     * Stops an answer being written, whichever instance writes it. True when it is being
     * stopped (here at once; on another instance as soon as it hears the announced stop),
     * false when it is the climber's answer but already finished, empty when the conversation
     * holds no such answer of theirs (so another climber's ids answer exactly like ids that do
     * not exist).
     */
    public Mono<Boolean> cancel(UUID owner, UUID conversationId, UUID answerId) {
        return conversations.answer(owner, conversationId, answerId).flatMap(answer -> {
            if (running.cancel(owner, answerId)) {
                return Mono.just(true);
            }
            if (answer.status() != AnswerStatus.STREAMING) {
                return Mono.just(false);
            }
            return stops.announce(new AnswerStops.Stop(owner, answerId)).thenReturn(true);
        });
    }

    /** A stop announced by any instance: the answer stops if it is being written here. */
    public void stopIfWrittenHere(AnswerStops.Stop stop) {
        running.cancel(stop.owner(), stop.answerId());
    }

    /**
     * Asks a question in a conversation. Errors before the answer starts (no such
     * conversation: empty; a blank question: {@link IllegalArgumentException}; the allowance
     * used up: {@link QuotaExhausted}) come as errors of the returned Flux before any event.
     */
    public Flux<CoachEvent> ask(UUID owner, Tier tier, UUID conversationId, String question) {
        return Mono.fromCallable(() -> question(question))
                .flatMap(text -> conversations.findWithLastTurns(owner, conversationId, CoachContext.HISTORY_MESSAGES)
                        .flatMap(soFar -> {
                            LocalDate day = allowance.today();
                            return allowance.take(owner, tier, day)
                                    .then(Mono.defer(() -> contexts.assemble(owner, soFar.lastTurns(), text)))
                                    .flatMap(context -> begin(owner, soFar.conversation(), context, day));
                        }))
                .flatMapMany(answer -> answer);
    }

    private Mono<Flux<CoachEvent>> begin(UUID owner, Conversations.Conversation conversation, CoachContext context,
                                         LocalDate day) {
        PromptBuilder.Prompt prompt = PromptBuilder.build(context, tokenBudget);
        String title = ConversationService.NEW_CONVERSATION.equals(conversation.title())
                ? ConversationService.title(abbreviate(context.question(), 60)) : null;
        return conversations.addQuestionAndAnswer(owner, conversation.id(), context.question(), prompt, model.name(), title)
                .map(ids -> write(owner, ids.get(0), ids.get(1), new CoachModel.Prompt(prompt.messages(), context), day));
    }

    /**
     * Starts writing the answer on its own subscription and returns its events for one listener.
     * Events wait for that listener until it comes; once it has gone (the browser left) they are
     * dropped, not held, while the answer is still written and stored. The answer is cut at
     * {@link AnswerLimits}: what the model writes past them is never held.
     */
    private Flux<CoachEvent> write(UUID owner, UUID questionId, UUID answerId, CoachModel.Prompt prompt, LocalDate day) {
        Sinks.Many<CoachEvent> events = Sinks.many().unicast().onBackpressureBuffer();
        StringBuffer text = new StringBuffer();
        Disposable.Swap generation = Disposables.swap();
        running.add(owner, answerId, generation);
        generation.update(withDeadline(model.answer(prompt))
                .<String>handle((token, sink) -> {
                    int room = limits.room(text.length(), token);
                    if (room > 0 || token.isEmpty()) {
                        String kept = token.substring(0, room);
                        text.append(kept);
                        events.tryEmitNext(CoachEvent.token(answerId, kept));
                    }
                    if (room < token.length()) {
                        sink.error(new AnswerLimits.AnswerCut(AnswerLimits.Reached.LENGTH));
                    }
                })
                .then(Mono.defer(() -> conversations.finishAnswer(answerId, text.toString(), AnswerStatus.COMPLETE)))
                .then(Mono.fromRunnable(() -> events.tryEmitNext(CoachEvent.done(answerId, AnswerStatus.COMPLETE))))
                .onErrorResume(error -> {
                    String message = error instanceof CoachUnavailable ? error.getMessage()
                            : error instanceof AnswerLimits.AnswerCut cut ? limits.message(cut.reached())
                            : "The coach could not finish this answer; please ask again.";
                    if (error instanceof AnswerLimits.AnswerCut cut) {
                        log.warn("Coach answer {} cut at its {} limit", answerId, cut.reached());
                    } else if (!(error instanceof CoachUnavailable)) {
                        log.error("Coach answer {} failed", answerId, error);
                    }
                    return conversations.finishAnswer(answerId, text.toString(), AnswerStatus.FAILED)
                            .then(text.length() == 0 ? allowance.giveBack(owner, day) : Mono.empty())
                            .then(Mono.fromRunnable(() -> events.tryEmitNext(CoachEvent.error(answerId, message))));
                })
                .doFinally(signal -> {
                    running.remove(answerId);
                    if (signal == SignalType.CANCEL) {
                        // Cancelled by the climber: keep what was written, then tell whoever listens.
                        conversations.finishAnswer(answerId, text.toString(), AnswerStatus.CANCELLED)
                                .doFinally(ignored -> {
                                    events.tryEmitNext(CoachEvent.done(answerId, AnswerStatus.CANCELLED));
                                    events.tryEmitComplete();
                                })
                                .subscribe(null, error -> log.warn("Could not store cancelled answer {}", answerId, error));
                    } else {
                        events.tryEmitComplete();
                    }
                })
                .subscribe(null, error -> log.error("Coach answer {} ended with an error", answerId, error)));
        return Flux.concat(Mono.just(CoachEvent.started(questionId, answerId, model.name())), events.asFlux());
    }

    /**
     * The model's tokens until {@link AnswerLimits#maxDuration()}, then {@link AnswerLimits.AnswerCut}.
     * One timer per answer, not per token. The deadline ends the tokens with a signal that also
     * cancels the model's stream (an error from {@code takeUntilOther}'s other side would leave it
     * open), and the error follows.
     */
    private Flux<String> withDeadline(Flux<String> tokens) {
        return Flux.defer(() -> {
            AtomicBoolean reached = new AtomicBoolean();
            return tokens.takeUntilOther(Mono.delay(limits.maxDuration()).doOnNext(tick -> reached.set(true)))
                    .concatWith(Mono.defer(() -> reached.get()
                            ? Mono.error(new AnswerLimits.AnswerCut(AnswerLimits.Reached.DURATION)) : Mono.empty()));
        });
    }

    private static String question(String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidInput("content", "ask the coach something");
        }
        if (question.length() > MAX_QUESTION) {
            throw new InvalidInput("content", "at most " + MAX_QUESTION + " characters");
        }
        return question.strip();
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }
}
