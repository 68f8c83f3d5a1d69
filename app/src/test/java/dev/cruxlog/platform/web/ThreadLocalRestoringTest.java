package dev.cruxlog.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import dev.cruxlog.CruxlogIntegrationTest;
import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * By default Reactor restores no thread locals around its operators (ThreadLocalRestoring says
 * why); with context propagation "auto", the request id reaches the logging MDC.
 */
@CruxlogIntegrationTest
class ThreadLocalRestoringTest {

    @Autowired
    ThreadLocalRestoring.RestoredThreadLocals restored;

    @Test
    void byDefaultNoThreadLocalIsRestoredAroundOperators() {
        assertThat(restored.keys()).as("accessors left registered when this context started").isEmpty();
        assertThat(mdcSeenInHandle()).isNull();
    }

    @Test
    void withAutomaticPropagationTheRequestIdReachesTheLoggingMdc() {
        ContextRegistry registry = ContextRegistry.getInstance();
        try {
            // The registry is JVM-wide and this JVM's default context emptied it; "auto" adds the
            // request id bridge to whatever is registered.
            assertThat(new ThreadLocalRestoring().restoredThreadLocals("auto").keys()).contains(RequestIds.KEY);
            assertThat(mdcSeenInHandle()).isEqualTo("req-12345678");
        } finally {
            registry.removeThreadLocalAccessor(RequestIds.KEY);
        }
        assertThat(mdcSeenInHandle()).isNull();
    }

    /** What MDC holds inside a {@code handle} operator of a request carrying an id in its context. */
    private static String mdcSeenInHandle() {
        AtomicReference<String> seen = new AtomicReference<>("not run");
        StepVerifier.create(Mono.just(1).<Integer>handle((value, sink) -> {
                    seen.set(MDC.get(RequestIds.KEY));
                    sink.next(value);
                }).contextWrite(Context.of(RequestIds.KEY, "req-12345678")))
                .expectNext(1).verifyComplete();
        return seen.get();
    }
}
