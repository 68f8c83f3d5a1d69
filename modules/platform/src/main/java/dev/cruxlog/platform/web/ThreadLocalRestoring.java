package dev.cruxlog.platform.web;

import java.util.List;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which thread locals Reactor restores from a request's context, decided once at start-up.
 *
 * <p>With context-propagation on the class path, Reactor restores every registered
 * {@link ThreadLocalAccessor} whose key is in the subscriber's context around each
 * {@code handle} and {@code tap} operator, even in Spring Boot's default "limited" mode.
 * A request's context holds four such keys (the request id, Micrometer's observation, Spring
 * Security's context and the exchange), and the database driver maps its messages with
 * {@code handle}: the ticks page paid for four thread-local writes and a scope per operator
 * (3 % of its allocation, 5 % of its CPU samples; docs/benchmarks.md). Nothing in Cruxlog
 * reads those thread locals: reactive code reads the Reactor context, tracing is not used,
 * and every log line about a request names its id where it is written.
 *
 * <ul>
 *   <li>{@code spring.reactor.context-propagation=limited} (the default): no accessor is
 *       registered, so nothing is restored anywhere;</li>
 *   <li>{@code auto} (for a debugging session): the libraries' accessors stay, and the request
 *       id is copied into the logging MDC around every operator, so every log line of a request
 *       carries it, at the throughput cost docs/benchmarks.md measured.</li>
 * </ul>
 * The registry is JVM-wide: in production one context decides; in the test suite's JVM the
 * first context to start does.
 */
@Configuration(proxyBeanMethods = false)
class ThreadLocalRestoring {

    private static final Logger log = LoggerFactory.getLogger(ThreadLocalRestoring.class);

    /** The accessors this context left registered (for tests and the log). */
    record RestoredThreadLocals(List<Object> keys) {
    }

    @Bean
    RestoredThreadLocals restoredThreadLocals(@Value("${spring.reactor.context-propagation:limited}") String mode) {
        ContextRegistry registry = ContextRegistry.getInstance();
        if ("auto".equalsIgnoreCase(mode)) {
            registry.registerThreadLocalAccessor(new RequestIdMdcAccessor());
        } else {
            List<Object> keys = registry.getThreadLocalAccessors().stream().map(ThreadLocalAccessor::key).toList();
            keys.forEach(registry::removeThreadLocalAccessor);
            log.debug("Reactor restores no thread locals (context propagation '{}'); removed {}", mode, keys);
        }
        return new RestoredThreadLocals(registry.getThreadLocalAccessors().stream().map(ThreadLocalAccessor::key).toList());
    }
}
