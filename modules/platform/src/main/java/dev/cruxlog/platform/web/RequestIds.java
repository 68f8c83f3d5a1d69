package dev.cruxlog.platform.web;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/** The request id: taken from a trusted-looking {@code X-Request-Id} header or made up. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Key in exchange attributes, the Reactor context and the logging MDC. */
    public static final String KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    public static String of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(KEY);
        return id == null ? "" : id.toString();
    }

    static String acceptOrCreate(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        // Not security-sensitive, so no SecureRandom: that may read /dev/urandom on an event loop.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
