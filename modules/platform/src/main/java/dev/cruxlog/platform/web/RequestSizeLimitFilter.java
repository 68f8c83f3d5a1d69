package dev.cruxlog.platform.web;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps every request body at {@link WebLimits#maxRequestSize()}, before anything (security
 * included) reads it. Spring's codecs limit each part of a multipart body, not the whole,
 * and not the number of parts: without this, one anonymous request of many large parts could
 * make the server hold gigabytes (issue #15). A declared {@code Content-Length} over the cap
 * is answered 413 at once, the body unread; a body without one (chunked) is counted as it
 * streams and fails with 413 at the first byte over.
 */
@Component
@EnableConfigurationProperties(WebLimits.class)
class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final ProblemWriter problems;

    RequestSizeLimitFilter(WebLimits limits, ProblemWriter problems) {
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request is larger than " + maxBytes / (1024 * 1024) + " MB.");
            problem.setTitle("Request too large");
            // The unread body would otherwise be drained to keep the connection: close it instead.
            exchange.getResponse().getHeaders().setConnection("close");
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, problem);
        }
        // A body without a declared length is counted as it streams (CountedBody, installed
        // around the whole HttpHandler so the exchange's own multipart and form readers see it
        // too). Whoever was reading it (a codec, the CSRF check) may have wrapped the cut in its
        // own error: answer it as what it is.
        return chain.filter(exchange)
                .onErrorMap(error -> tooLargeCause(error) != null && !(error instanceof ContentTooLargeException),
                        RequestSizeLimitFilter::tooLargeCause);
    }

    /** The cut at the cap somewhere in an error's causes, or null. */
    static ContentTooLargeException tooLargeCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Right after the request id (so the 413 carries it), before Spring Security's chain.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /**
     * Installs {@link CountedBody} around the application's HttpHandler. A WebFilter cannot do
     * it: the exchange reads multipart and form data from the request it was created with,
     * whatever request a filter passes on.
     */
    @Bean
    static WebHttpHandlerBuilderCustomizer countedRequestBodies(WebLimits limits) {
        long maxBytes = limits.maxRequestSize().toBytes();
        return builder -> builder.httpHandlerDecorator(handler -> (request, response) ->
                handler.handle(mayStreamABody(request) ? new CountedBody(request, maxBytes) : request, response));
    }

    /**
     * A body of undeclared length. GET and HEAD are left as they are: nothing here reads their
     * bodies, and the ticks page (a GET) is the hot path, where every object counts.
     */
    private static boolean mayStreamABody(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() < 0
                && !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod());
    }

    /** A body of unknown length, failing with 413 as soon as it passes the cap. */
    static final class CountedBody extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountedBody(ServerHttpRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ContentTooLargeException(
                                new IllegalStateException("The request body passed " + maxBytes + " bytes.")));
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
