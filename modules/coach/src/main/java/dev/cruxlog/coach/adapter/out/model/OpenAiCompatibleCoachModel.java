package dev.cruxlog.coach.adapter.out.model;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cruxlog.coach.application.CoachModel;
import dev.cruxlog.coach.application.CoachUnavailable;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM, xAI, ...) over Reactor
 * Netty's HTTP client: {@code POST <base-url>/chat/completions} with {@code "stream": true}, read
 * as server-sent events ({@code data: {...choices[0].delta.content...}} until
 * {@code data: [DONE]}). A 429, a 5xx or a refused connection is retried with backoff, but only
 * before the first token (a retry after that would repeat text); the first event and every next
 * one must come within their timeouts; every failure becomes a {@link CoachUnavailable} a
 * climber can read.
 *
 * <p>A token is relayed on the event loop that read it, in one pass over its bytes
 * ({@link EventStreamScanner}, {@link ChatCompletionChunk}); the timeouts are Netty's read
 * timeout on the connection (a timestamp per read, one timer per connection) and, for reads that
 * bring no event, the time since the last one, not a timer scheduled and cancelled per token.
 * After {@code [DONE]} the body is read to its end so the connection is pooled. The client runs on the web server's event loops
 * ({@code loops}), so an answer's connection to the model shares the browser connection's loop
 * when both are on one thread and a token does not cross threads (ADR 0025).
 */
public class OpenAiCompatibleCoachModel implements CoachModel {

    /** The longest event a provider may send; a streamed chunk is a few hundred bytes. */
    static final int MAX_EVENT_BYTES = 256 * 1024;

    /**
     * @param firstTokenTimeout how long the model may think before its first event
     * @param idleTimeout       the longest pause between two events
     * @param maxConnections    answers streamed at once; each holds a connection for its whole length
     */
    public record Settings(String baseUrl, String model, String apiKey, Duration firstTokenTimeout, Duration idleTimeout,
                           int maxRetries, Duration minBackoff, int maxConnections) {
    }

    /** The provider answered with a status other than 200; typed so retries and messages never parse text. */
    static final class ProviderStatus extends RuntimeException {
        final int status;

        ProviderStatus(int status) {
            super("the provider answered " + status, null, false, false);
            this.status = status;
        }
    }

    /**
     * The request failed before the provider answered (refused, reset, no pooled connection in
     * time, ...): WebClient's {@code WebClientRequestException}, which the coach retried before the
     * first token and named as "cannot be reached".
     */
    static final class RequestFailed extends RuntimeException {
        RequestFailed(Throwable cause) {
            super("the request to the provider failed", cause, false, false);
        }
    }

    /** The provider kept sending bytes but no event within the timeout (a read timeout only sees silence). */
    static final class NoEventInTime extends RuntimeException {
        NoEventInTime() {
            super("no event within the timeout", null, false, false);
        }
    }

    /** How long a body may go on after {@code [DONE]} before the answer stops waiting for its end. */
    private static final Duration AFTER_DONE = Duration.ofSeconds(1);

    private final HttpClient http;
    private final ConnectionProvider connections;
    private final JsonMapper json;
    private final Settings settings;

    public OpenAiCompatibleCoachModel(JsonMapper json, Settings settings, LoopResources loops) {
        this.json = json;
        this.settings = settings;
        // Reactor Netty's shared pool allows 500 connections; a streamed answer holds one for its
        // whole length, so the 501st concurrent answer would wait for an earlier one to finish.
        this.connections = ConnectionProvider.builder("coach-model")
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(settings.maxConnections())
                .pendingAcquireTimeout(settings.firstTokenTimeout())
                .build();
        String apiKey = settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey();
        this.http = HttpClient.create(connections)
                .runOn(loops)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.firstTokenTimeout().toMillis()))
                .baseUrl(settings.baseUrl().replaceAll("/+$", ""))
                .headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    headers.set(HttpHeaderNames.ACCEPT, "text/event-stream");
                    if (apiKey != null) {
                        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + apiKey);
                    }
                });
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
        byte[] request = json.writeValueAsBytes(Map.of("model", settings.model(), "stream", true,
                "messages", prompt.messages().stream().map(turn -> Map.of("role", turn.role().wire(), "content", turn.content()))
                        .toList()));
        return Flux.defer(() -> {
                    AtomicBoolean answered = new AtomicBoolean();
                    return http.post().uri("/chat/completions")
                            .send((outgoing, out) -> {
                                outgoing.responseTimeout(settings.firstTokenTimeout());
                                outgoing.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(request.length));
                                return out.sendByteArray(Mono.just(request));
                            })
                            .responseConnection((response, connection) -> {
                                answered.set(true);
                                return tokens(response, connection);
                            })
                            .onErrorMap(error -> !answered.get() && !(error instanceof ReadTimeoutException), RequestFailed::new);
                })
                .doOnNext(text -> started.set(true))
                .retryWhen(Retry.backoff(settings.maxRetries(), settings.minBackoff())
                        .filter(error -> !started.get() && retryable(error))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(error -> !(error instanceof CoachUnavailable), this::explain);
    }

    private Flux<String> tokens(HttpClientResponse response, Connection connection) {
        int status = response.status().code();
        if (status != 200) {
            return Flux.error(new ProviderStatus(status));
        }
        String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || !type.regionMatches(true, 0, "text/event-stream", 0, "text/event-stream".length())) {
            return Flux.error(ChatCompletionChunk.notAStream());
        }
        StreamedAnswer answer = new StreamedAnswer(connection);
        // map, not a flattening operator: a read's bytes are only valid while its onNext runs.
        // After [DONE] the body is read to its end, which returns the connection to the pool (a
        // cancelled response closes it); a body that goes on is cut off shortly after.
        return connection.inbound().receive()
                .map(answer::tokens)
                .takeUntilOther(answer.doneSeen.asMono().then(Mono.delay(AFTER_DONE)))
                .concatMapIterable(tokens -> tokens)
                .concatWith(Mono.defer(() -> answer.failure == null ? Mono.empty() : Mono.error(answer.failure)));
    }

    /** One response being read, on its connection's event loop. */
    private final class StreamedAnswer {
        private final EventStreamScanner events = new EventStreamScanner(MAX_EVENT_BYTES);
        private final Connection connection;
        private boolean heardFrom;
        /** When the last event (or the response, before the first) came. */
        private long lastEventNanos = System.nanoTime();
        /** Read to {@code [DONE]} or to a chunk that ended the answer. */
        boolean done;
        final Sinks.Empty<Void> doneSeen = Sinks.empty();
        /** Why the answer ended, raised after the tokens the same read brought before it. */
        CoachUnavailable failure;

        StreamedAnswer(Connection connection) {
            this.connection = connection;
        }

        /** The tokens of the events this read completes; sets {@link #done} at {@code [DONE]}. */
        List<String> tokens(ByteBuf read) {
            if (done) {
                return List.of();
            }
            List<byte[]> completed = events.next(read);
            long now = System.nanoTime();
            if (completed.isEmpty()) {
                Duration allowed = heardFrom ? settings.idleTimeout() : settings.firstTokenTimeout();
                if (now - lastEventNanos > allowed.toNanos()) {
                    throw new NoEventInTime();
                }
                return List.of();
            }
            lastEventNanos = now;
            if (!heardFrom) {
                heardFrom = true;
                idleTimeoutFromNowOn();
            }
            List<String> tokens = List.of();
            for (byte[] data : completed) {
                if (ChatCompletionChunk.isDone(data)) {
                    end();
                    break;
                }
                String text;
                try {
                    text = ChatCompletionChunk.content(json, data);
                } catch (CoachUnavailable ended) {
                    if (tokens.isEmpty()) {
                        throw ended;
                    }
                    failure = ended;
                    end();
                    break;
                }
                if (!text.isEmpty()) {
                    if (tokens.isEmpty()) {
                        tokens = new ArrayList<>(completed.size());
                    }
                    tokens.add(text);
                }
            }
            return tokens;
        }

        /** No more tokens from this response; the rest of its body is read off (see {@code tokens}). */
        private void end() {
            done = true;
            doneSeen.tryEmitEmpty();
        }

        /** The first event came within the first-token timeout; from now on each must come within the idle one. */
        private void idleTimeoutFromNowOn() {
            if (settings.idleTimeout().equals(settings.firstTokenTimeout())) {
                return;
            }
            ChannelPipeline pipeline = connection.channel().pipeline();
            if (pipeline.get(NettyPipeline.ResponseTimeoutHandler) != null) {
                pipeline.replace(NettyPipeline.ResponseTimeoutHandler, NettyPipeline.ResponseTimeoutHandler,
                        new ReadTimeoutHandler(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
        }
    }

    private static boolean retryable(Throwable error) {
        if (error instanceof ProviderStatus answered) {
            return answered.status == 429 || answered.status >= 500;
        }
        // Refused, reset, closed or no connection free before the response: the provider may be restarting.
        return error instanceof RequestFailed || error instanceof IOException;
    }

    private Throwable explain(Throwable error) {
        if (error instanceof ProviderStatus answered) {
            int status = answered.status;
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
        if (error instanceof EventStreamScanner.EventTooLarge) {
            return new CoachUnavailable("The coach's model sent " + error.getMessage() + ", which is not a chat-completions "
                    + "stream; check cruxlog.coach.base-url.", error);
        }
        if (error instanceof ReadTimeoutException || error instanceof NoEventInTime || error instanceof TimeoutException) {
            return new CoachUnavailable("The coach's model provider did not answer in time. Try again in a minute.", error);
        }
        if (error instanceof RequestFailed || error instanceof IOException) {
            return new CoachUnavailable("The coach's model provider cannot be reached right now. Try again in a minute.", error);
        }
        return new CoachUnavailable("The coach's model provider failed (" + error.getClass().getSimpleName()
                + "). Try again in a minute.", error);
    }
}
