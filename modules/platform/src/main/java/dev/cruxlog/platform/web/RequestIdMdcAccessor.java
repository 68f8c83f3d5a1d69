package dev.cruxlog.platform.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Bridges the request id from the Reactor context to SLF4J's MDC. Registered through
 * {@code META-INF/services}; Reactor calls it where it restores ThreadLocals: in {@code handle}
 * and {@code tap} with the default {@code spring.reactor.context-propagation=limited}, around
 * every operator with {@code auto} (slower; see docs/benchmarks.md).
 */
public class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestIds.KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(RequestIds.KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestIds.KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestIds.KEY);
    }
}
