package dev.cruxlog.coach.adapter.out.model;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cruxlog.coach.application.CoachModel;
import dev.cruxlog.coach.application.CoachUnavailable;
import io.netty.channel.ChannelOption;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM, xAI, ...) over WebClient:
 * {@code POST <base-url>/chat/completions} with {@code "stream": true}, read as server-sent
 * events ({@code data: {...choices[0].delta.content...}} until {@code data: [DONE]}).
 * A 429, a 5xx or a refused connection is retried with backoff, but only before the first
 * token (a retry after that would repeat text); the first token and every next one must come
 * within their timeouts; every failure becomes a {@link CoachUnavailable} a climber can read.
 */
public class OpenAiCompatibleCoachModel implements CoachModel {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };

    /**
     * @param firstTokenTimeout how long the model may think before its first event
     * @param idleTimeout       the longest pause between two events
     * @param maxConnections    answers streamed at once; each holds a connection for its whole length
     */
    public record Settings(String baseUrl, String model, String apiKey, Duration firstTokenTimeout, Duration idleTimeout,
                           int maxRetries, Duration minBackoff, int maxConnections) {
    }

    private final WebClient client;
    private final ConnectionProvider connections;
    private final JsonMapper json;
    private final Settings settings;

    public OpenAiCompatibleCoachModel(WebClient.Builder builder, JsonMapper json, Settings settings) {
        this.json = json;
        this.settings = settings;
        // Reactor Netty's shared pool allows 500 connections; a streamed answer holds one for its
        // whole length, so the 501st concurrent answer would wait for an earlier one to finish.
        this.connections = ConnectionProvider.builder("coach-model")
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(settings.maxConnections())
                .pendingAcquireTimeout(settings.firstTokenTimeout())
                .build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.firstTokenTimeout().toMillis()));
        WebClient.Builder configured = builder.clone()
                .baseUrl(settings.baseUrl().replaceAll("/+$", ""))
                .clientConnector(new ReactorClientHttpConnector(http));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
        }
        this.client = configured.build();
    }

    /** Closes the model's connections when the application stops (Spring infers it for the bean). */
    public void close() {
        connections.dispose();
    }

    @Override
    public String name() {
        return "model:" + settings.model();
    }

    @Override
    public Flux<String> answer(Prompt prompt) {
        AtomicBoolean started = new AtomicBoolean();
        Map<String, Object> request = Map.of("model", settings.model(), "stream", true,
                "messages", prompt.messages().stream().map(turn -> Map.of("role", turn.role().wire(), "content", turn.content()))
                        .toList());
        return Flux.defer(() -> client.post().uri("/chat/completions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .bodyValue(request)
                        .retrieve()
                        .bodyToFlux(EVENTS))
                .timeout(Mono.delay(settings.firstTokenTimeout()), event -> Mono.delay(settings.idleTimeout()))
                .map(event -> event.data() == null ? "" : event.data().trim())
                .takeWhile(data -> !data.equals("[DONE]"))
                .map(this::content)
                .filter(text -> !text.isEmpty())
                .doOnNext(text -> started.set(true))
                .retryWhen(Retry.backoff(settings.maxRetries(), settings.minBackoff())
                        .filter(error -> !started.get() && retryable(error))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(error -> !(error instanceof CoachUnavailable), this::explain);
    }

    /** The text of one streamed chunk; a chunk that reports an error ends the answer with it. */
    private String content(String data) {
        if (data.isEmpty()) {
            return "";
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (JacksonException e) {
            throw new CoachUnavailable("The coach's model sent something that is not a chat-completions stream; "
                    + "check cruxlog.coach.base-url.");
        }
        if (chunk.has("error")) {
            throw new CoachUnavailable("The coach's model stopped with an error: "
                    + (chunk.path("error").path("message").isString() ? chunk.path("error").path("message").asString() : "unknown")
                    + ". Try again in a minute.");
        }
        JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
        return content.isString() ? content.asString() : "";
    }

    private static boolean retryable(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().value() == 429 || response.getStatusCode().is5xxServerError();
        }
        return error instanceof WebClientRequestException;
    }

    private Throwable explain(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            int status = response.getStatusCode().value();
            if (status == 401 || status == 403) {
                return new CoachUnavailable("The coach's model provider refused Cruxlog's API key (" + status + "); "
                        + "the operator needs to check cruxlog.coach.api-key.", error);
            }
            if (status == 429) {
                return new CoachUnavailable("The coach's model provider is busy right now (429, after "
                        + settings.maxRetries() + " retries). Try again in a minute.", error);
            }
            if (status == 404) {
                return new CoachUnavailable("The coach's model provider does not know the model '" + settings.model()
                        + "' (404); the operator needs to check cruxlog.coach.model.", error);
            }
            return new CoachUnavailable("The coach's model provider is having trouble (" + status + "). Try again in a minute.",
                    error);
        }
        if (error instanceof TimeoutException) {
            return new CoachUnavailable("The coach's model provider did not answer in time. Try again in a minute.", error);
        }
        if (error instanceof WebClientRequestException) {
            return new CoachUnavailable("The coach's model provider cannot be reached right now. Try again in a minute.", error);
        }
        return new CoachUnavailable("The coach's model provider failed (" + error.getClass().getSimpleName()
                + "). Try again in a minute.", error);
    }
}
