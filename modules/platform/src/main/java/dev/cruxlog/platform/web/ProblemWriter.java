package dev.cruxlog.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes problem+json straight to a response, for code that runs outside controllers
 * (web filters, security entry points, the last-resort error handler). Uses the
 * application's codecs, so the JSON looks exactly like a controller's.
 */
@Component
public class ProblemWriter {

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final List<HttpMessageWriter<?>> writers;

    public ProblemWriter(ServerCodecConfigurer codecs) {
        this.writers = codecs.getWriters();
    }

    @SuppressWarnings("unchecked")
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, ProblemDetail problem) {
        exchange.getResponse().setStatusCode(status);
        Problems.decorate(problem, exchange);
        for (HttpMessageWriter<?> writer : writers) {
            if (writer.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON)) {
                return ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(problem), PROBLEM,
                        MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), Map.of());
            }
        }
        return Mono.error(new IllegalStateException("No JSON writer for problem details"));
    }
}
