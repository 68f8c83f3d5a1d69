package dev.cruxlog.identity.adapter.in.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security headers of every response, written once, just before it is committed: what
 * Spring Security's defaults write (cache control, nosniff, HSTS over HTTPS, frame options,
 * X-XSS-Protection 0) plus Cruxlog's content security and referrer policies, with the same
 * rule of never overriding a header a handler set (static files set their own caching).
 * <p>
 * One writer instead of Spring Security's seven: each of those asks the response for a
 * case-insensitive copy of all its header names before writing, seven copies per request,
 * about a twentieth of what a ticks page allocated (docs/benchmarks.md). Here each check is a
 * direct lookup in the server's own headers. {@code SecurityHeadersTest} holds the output
 * equal to Spring Security's writers for pages, the API, HTTPS and a 304.
 */
final class SecurityHeaders implements ServerHttpHeadersWriter {

    static final String NO_CACHE = "no-cache, no-store, max-age=0, must-revalidate";
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private final String contentSecurityPolicy;
    private final String referrerPolicy;

    SecurityHeaders(String contentSecurityPolicy, String referrerPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.referrerPolicy = referrerPolicy;
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        // A 304 keeps the caching headers of the response it revalidates.
        if (!HttpStatus.NOT_MODIFIED.equals(response.getStatusCode()) && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)
                && !headers.containsHeader(HttpHeaders.PRAGMA) && !headers.containsHeader(HttpHeaders.EXPIRES)) {
            headers.set(HttpHeaders.CACHE_CONTROL, NO_CACHE);
            headers.set(HttpHeaders.PRAGMA, "no-cache");
            headers.set(HttpHeaders.EXPIRES, "0");
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Content-Security-Policy", contentSecurityPolicy);
        setIfAbsent(headers, "Referrer-Policy", referrerPolicy);
        return Mono.empty();
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
