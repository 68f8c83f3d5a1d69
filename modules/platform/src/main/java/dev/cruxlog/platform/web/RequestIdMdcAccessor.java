package dev.cruxlog.platform.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Bridges the request id from the Reactor context to SLF4J's MDC. Registered by
 * {@link ThreadLocalRestoring} only with {@code spring.reactor.context-propagation=auto}, where
 * Reactor restores it around every operator (slower; see docs/benchmarks.md), so every log
 * line of a request carries the id.
 */
class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

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
