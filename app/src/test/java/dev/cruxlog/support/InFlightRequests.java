package dev.cruxlog.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Test-only record of the requests the server has not answered yet, and how far each got: past
 * the security chain or not, handler finished or not, response committed or not.
 * {@link HungTestThreadDumps} prints it when a test hangs, because a stuck reactive request has
 * no thread to show in a thread dump. Costs a map entry per request; changes no outcome.
 */
public final class InFlightRequests {

    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<Long, Progress> IN_FLIGHT = new ConcurrentHashMap<>();

    private InFlightRequests() {
    }

    static final class Progress {
        final String request;
        final Instant started = Instant.now();
        volatile String stage = "received";

        Progress(String request) {
            this.request = request;
        }
    }

    /** How many requests this JVM's servers have received: shows the recorder is in the chain. */
    public static long received() {
        return IDS.get();
    }

    /** The requests still open, oldest first, with their age and the last stage each reached. */
    public static String describe() {
        StringBuilder text = new StringBuilder("Requests not yet answered: ").append(IN_FLIGHT.size()).append(" (of ")
                .append(IDS.get()).append(" received since the JVM started)\n");
        IN_FLIGHT.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> text.append("  #")
                .append(entry.getKey()).append(' ').append(entry.getValue().request).append(" for ")
                .append(Duration.between(entry.getValue().started, Instant.now()).toMillis()).append(" ms, at: ")
                .append(entry.getValue().stage).append('\n'));
        return text.toString();
    }

    private static final String KEY = InFlightRequests.class.getName();

    /** Outermost: sees every request arrive and its exchange end, whichever way it ends. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Outermost implements WebFilter {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            long id = IDS.incrementAndGet();
            Progress progress = new Progress(exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath());
            IN_FLIGHT.put(id, progress);
            exchange.getAttributes().put(KEY, progress);
            exchange.getResponse().beforeCommit(() -> {
                progress.stage = progress.stage + " > committing";
                return Mono.empty();
            });
            return chain.filter(exchange)
                    .doOnSuccess(done -> progress.stage = progress.stage + " > chain complete")
                    .doOnError(error -> progress.stage = progress.stage + " > chain error " + error)
                    .doOnCancel(() -> progress.stage = progress.stage + " > cancelled")
                    .doFinally(signal -> IN_FLIGHT.remove(id));
        }
    }

    /** Innermost: reached only once the security chain has let the request through. */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Innermost implements WebFilter {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            Progress progress = exchange.getAttribute(KEY);
            if (progress == null) {
                return chain.filter(exchange);
            }
            progress.stage = progress.stage + " > past security";
            return chain.filter(exchange)
                    .doOnSuccess(done -> progress.stage = progress.stage + " > handler complete")
                    .doOnError(error -> progress.stage = progress.stage + " > handler error " + error.getClass().getSimpleName())
                    .doOnCancel(() -> progress.stage = progress.stage + " > handler cancelled");
        }
    }
}
