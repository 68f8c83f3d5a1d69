package dev.cruxlog.coach.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.coach.CoachAllowance;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Asking the coach. A question is counted against the day's allowance (atomically, in
 * PostgreSQL), its context assembled and stored with it, and the answer written on its own
 * subscription: the browser receives it as it is written, and the answer is stored when it
 * ends whether or not the browser is still there. A failed provider gives the question back.
 */
@Service
public class CoachService {

    private static final Logger log = LoggerFactory.getLogger(CoachService.class);

    public static final int MAX_QUESTION = 4_000;
    public static final int MAX_TITLE = 120;
    public static final String NEW_CONVERSATION = "New conversation";
    /** An answer's status while it is being written. */
    static final String STREAMING = "streaming";

    private final Conversations conversations;
    private final ContextAssembler contexts;
    private final DailyUsage usage;
    private final CoachAllowance allowance;
    private final CoachModel model;
    private final RunningAnswers running;
    private final AnswerStops stops;
    private final JsonMapper json;
    private final Clock clock;
    private final int tokenBudget;

    public CoachService(Conversations conversations, ContextAssembler contexts, DailyUsage usage, CoachAllowance allowance,
                        CoachModel model, RunningAnswers running, AnswerStops stops, JsonMapper json, Clock clock,
                        @org.springframework.beans.factory.annotation.Value("${cruxlog.coach.context-token-budget:6000}")
                        int tokenBudget) {
        this.conversations = conversations;
        this.contexts = contexts;
        this.usage = usage;
        this.allowance = allowance;
        this.model = model;
        this.running = running;
        this.stops = stops;
        this.json = json;
        this.clock = clock;
        this.tokenBudget = tokenBudget;
    }

    /** Today's allowance for the tier and how much of it is used. */
    public record Allowance(String tier, int perDay, int usedToday, Integer remainingToday, String description,
                            String answeredBy) {
    }

    public Mono<Allowance> allowance(UUID owner, Tier tier) {
        int perDay = allowance.perDay(tier);
        return usage.used(owner, today()).map(used -> new Allowance(tier.name().toLowerCase(java.util.Locale.ROOT), perDay,
                used, perDay == CoachAllowance.UNLIMITED ? null : Math.max(0, perDay - used), allowance.describe(tier),
                model.name()));
    }

    public Mono<Conversations.Conversation> start(UUID owner, String title) {
        return Mono.fromCallable(() -> title(title == null || title.isBlank() ? NEW_CONVERSATION : title))
                .flatMap(clean -> conversations.create(owner, clean));
    }

    public Flux<Conversations.Conversation> conversations(UUID owner) {
        return conversations.list(owner);
    }

    public Mono<Conversations.Conversation> conversation(UUID owner, UUID id) {
        return conversations.find(owner, id);
    }

    public Mono<Conversations.Conversation> rename(UUID owner, UUID id, String title) {
        return Mono.fromCallable(() -> title(title)).flatMap(clean -> conversations.rename(owner, id, clean));
    }

    public Mono<Boolean> delete(UUID owner, UUID id) {
        return conversations.delete(owner, id);
    }

    public Flux<Conversations.Message> messages(UUID owner, UUID conversationId) {
        return conversations.messages(owner, conversationId);
    }

    public Mono<Conversations.Message> feedback(UUID owner, UUID conversationId, UUID messageId, boolean helpful, String text) {
        return Mono.defer(() -> {
            if (text != null && text.length() > 2_000) {
                return Mono.error(new InvalidInput("text", "at most 2000 characters"));
            }
            return conversations.feedback(owner, conversationId, messageId, helpful,
                    text == null || text.isBlank() ? null : text.strip());
        });
    }

    public Mono<String> context(UUID owner, UUID conversationId, UUID messageId) {
        return conversations.context(owner, conversationId, messageId);
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
            if (!STREAMING.equals(answer.status())) {
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
                .flatMap(text -> conversations.find(owner, conversationId)
                        .flatMap(conversation -> consume(owner, tier).thenReturn(conversation))
                        .flatMap(conversation -> contexts.assemble(owner, conversationId, text)
                                .flatMap(context -> begin(owner, conversation, context))))
                .flatMapMany(answer -> answer);
    }

    private Mono<Void> consume(UUID owner, Tier tier) {
        int perDay = allowance.perDay(tier);
        if (perDay == 0) {
            return Mono.error(new QuotaExhausted(0));
        }
        return usage.tryConsume(owner, today(), perDay == CoachAllowance.UNLIMITED ? Integer.MAX_VALUE : perDay)
                .flatMap(counted -> counted ? Mono.<Void>empty() : Mono.error(new QuotaExhausted(perDay)));
    }

    private Mono<Flux<CoachEvent>> begin(UUID owner, Conversations.Conversation conversation, CoachContext context) {
        PromptBuilder.Prompt prompt = PromptBuilder.build(context, tokenBudget);
        String title = NEW_CONVERSATION.equals(conversation.title()) ? title(abbreviate(context.question(), 60)) : null;
        return conversations.addQuestionAndAnswer(owner, conversation.id(), context.question(), contextJson(prompt),
                        model.name(), title)
                .map(ids -> write(owner, ids.get(0), ids.get(1), new CoachModel.Prompt(prompt.messages(), context)));
    }

    /** Starts writing the answer on its own subscription and returns the events, replayed to whoever listens. */
    private Flux<CoachEvent> write(UUID owner, UUID questionId, UUID answerId, CoachModel.Prompt prompt) {
        Sinks.Many<CoachEvent> events = Sinks.many().replay().all();
        StringBuffer text = new StringBuffer();
        LocalDate day = today();
        Disposable.Swap generation = Disposables.swap();
        running.add(owner, answerId, generation);
        generation.update(model.answer(prompt)
                .doOnNext(token -> {
                    text.append(token);
                    events.tryEmitNext(CoachEvent.token(answerId, token));
                })
                .then(Mono.defer(() -> conversations.finishAnswer(answerId, text.toString(), "complete")))
                .then(Mono.fromRunnable(() -> events.tryEmitNext(CoachEvent.done(answerId, "complete"))))
                .onErrorResume(error -> {
                    String message = error instanceof CoachUnavailable ? error.getMessage()
                            : "The coach could not finish this answer; please ask again.";
                    if (!(error instanceof CoachUnavailable)) {
                        log.error("Coach answer {} failed", answerId, error);
                    }
                    return conversations.finishAnswer(answerId, text.toString(), "failed")
                            .then(text.length() == 0 ? usage.refund(owner, day) : Mono.empty())
                            .then(Mono.fromRunnable(() -> events.tryEmitNext(CoachEvent.error(answerId, message))));
                })
                .doFinally(signal -> {
                    running.remove(answerId);
                    if (signal == SignalType.CANCEL) {
                        // Cancelled by the climber: keep what was written, then tell whoever listens.
                        conversations.finishAnswer(answerId, text.toString(), "cancelled")
                                .doFinally(ignored -> {
                                    events.tryEmitNext(CoachEvent.done(answerId, "cancelled"));
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

    private String contextJson(PromptBuilder.Prompt prompt) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("estimatedTokens", prompt.estimatedTokens());
        context.put("budget", prompt.budget());
        context.put("ticksLeftOut", prompt.ticksLeftOut());
        context.put("messagesLeftOut", prompt.messagesLeftOut());
        List<Map<String, String>> messages = prompt.messages().stream()
                .map(turn -> Map.of("role", turn.role().wire(), "content", turn.content())).toList();
        context.put("messages", messages);
        return json.writeValueAsString(context);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
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

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInput("title", "give the conversation a name");
        }
        String clean = title.strip().replaceAll("\\s+", " ");
        if (clean.length() > MAX_TITLE) {
            throw new InvalidInput("title", "at most " + MAX_TITLE + " characters");
        }
        return clean;
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }
}
