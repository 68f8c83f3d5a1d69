package dev.cruxlog.coach.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.cruxlog.coach.application.ClimberProfileService;
import dev.cruxlog.coach.application.CoachEvent;
import dev.cruxlog.coach.application.AnswerService;
import dev.cruxlog.coach.application.ConversationService;
import dev.cruxlog.coach.application.Conversations;
import dev.cruxlog.coach.application.QuestionAllowance;
import dev.cruxlog.coach.domain.ClimberProfile;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/coach")
class CoachApiController {

    private final ConversationService conversations;
    private final AnswerService answers;
    private final QuestionAllowance questions;
    private final ClimberProfileService profiles;
    private final CoachEventFrames frames;

    CoachApiController(ConversationService conversations, AnswerService answers, QuestionAllowance questions,
                      ClimberProfileService profiles, JsonMapper json) {
        this.frames = new CoachEventFrames(json);
        this.conversations = conversations;
        this.answers = answers;
        this.questions = questions;
        this.profiles = profiles;
    }

    record NewConversation(String title) {
    }

    record Rename(String title) {
    }

    record Question(String content) {
    }

    record Feedback(Boolean helpful, String text) {
    }

    @GetMapping("/allowance")
    @Operation(summary = "Questions a day for your plan, and how many are left today")
    Mono<QuestionAllowance.Allowance> allowance(@AuthenticationPrincipal CurrentUser user) {
        return questions.allowance(user.id(), user.tier());
    }

    @GetMapping("/profile")
    @Operation(summary = "What you told the coach about yourself")
    Mono<ClimberProfile> profile(@AuthenticationPrincipal CurrentUser user) {
        return profiles.find(user.id());
    }

    @PutMapping("/profile")
    @Operation(summary = "Replace your climber profile (every field optional)")
    Mono<ClimberProfile> saveProfile(@AuthenticationPrincipal CurrentUser user, @RequestBody ClimberProfile profile) {
        return profiles.save(user.id(), profile);
    }

    @PostMapping("/conversations")
    @Operation(summary = "Start a conversation ({\"title\"} optional)")
    Mono<ResponseEntity<Conversations.Conversation>> create(@AuthenticationPrincipal CurrentUser user,
                                                           @RequestBody(required = false) NewConversation request) {
        return conversations.start(user.id(), request == null ? null : request.title())
                .map(created -> ResponseEntity.status(HttpStatus.CREATED)
                        .header("Location", "/api/v1/coach/conversations/" + created.id()).body(created));
    }

    @GetMapping("/conversations")
    @Operation(summary = "Your conversations, most recent first")
    Flux<Conversations.Conversation> list(@AuthenticationPrincipal CurrentUser user) {
        return conversations.conversations(user.id());
    }

    @GetMapping("/conversations/{id}")
    Mono<Conversations.Conversation> one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return conversations.conversation(user.id(), id).switchIfEmpty(notFound());
    }

    @PatchMapping("/conversations/{id}")
    @Operation(summary = "Rename a conversation ({\"title\"})")
    Mono<Conversations.Conversation> rename(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                            @RequestBody Rename request) {
        return conversations.rename(user.id(), id, request.title()).switchIfEmpty(notFound());
    }

    @DeleteMapping("/conversations/{id}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return conversations.delete(user.id(), id).flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
                : notFound());
    }

    @GetMapping("/conversations/{id}/messages")
    @Operation(summary = "The messages of a conversation, oldest first, with role, time, status and feedback")
    Flux<Conversations.Message> messages(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return conversations.conversation(user.id(), id).switchIfEmpty(notFound()).thenMany(conversations.messages(user.id(), id));
    }

    /** What WebFlux's own server-sent-event writer declares (the import's progress stream does): the frames are UTF-8. */
    private static final MediaType EVENT_STREAM = new MediaType(MediaType.TEXT_EVENT_STREAM, StandardCharsets.UTF_8);

    /**
     * Server-sent events written as pre-framed buffers ({@link CoachEventFrames}); an error before
     * the first event (no such conversation, the allowance used up) is still a problem response,
     * WebFlux clearing the content type set here before it renders one.
     */
    @PostMapping("/conversations/{id}/messages")
    @Operation(summary = "Ask the coach ({\"content\"}); the answer streams as server-sent events "
            + "(started, token..., done | error). It is stored even if you disconnect.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = CoachEvent.class)))
    Flux<DataBuffer> ask(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestBody Question question,
                         ServerHttpResponse response) {
        response.getHeaders().setContentType(EVENT_STREAM);
        DataBufferFactory buffers = response.bufferFactory();
        return answers.ask(user.id(), user.tier(), id, question.content())
                .switchIfEmpty(notFound())
                .map(event -> frames.frame(event, buffers));
    }

    @PostMapping("/conversations/{id}/messages/{messageId}/cancel")
    @Operation(summary = "Stop an answer being written; what was written is kept")
    Mono<ResponseEntity<Void>> cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                      @PathVariable UUID messageId) {
        return answers.cancel(user.id(), id, messageId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such answer.")))
                .flatMap(stopped -> stopped ? Mono.just(ResponseEntity.accepted().<Void>build())
                        : Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                                "That answer is not being written any more.")));
    }

    @PutMapping("/conversations/{id}/messages/{messageId}/feedback")
    @Operation(summary = "Say whether an answer helped ({\"helpful\": true|false, \"text\"})")
    Mono<Conversations.Message> feedback(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                         @PathVariable UUID messageId, @RequestBody Feedback feedback) {
        if (feedback.helpful() == null) {
            return Mono.error(new InvalidInput("helpful", "true or false"));
        }
        return conversations.feedback(user.id(), id, messageId, feedback.helpful(), feedback.text()).switchIfEmpty(notFound());
    }

    @GetMapping(value = "/conversations/{id}/messages/{messageId}/context", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Exactly what was sent to the model for this question (or for the question this answers)")
    Mono<String> context(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID messageId) {
        return conversations.context(user.id(), id, messageId).switchIfEmpty(notFound());
    }

    private static <T> Mono<T> notFound() {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such conversation or message."));
    }
}
