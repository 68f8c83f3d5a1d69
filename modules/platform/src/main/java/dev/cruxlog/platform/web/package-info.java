/**
 * HTTP conventions every module follows: problem+json errors (RFC 9457) with the request
 * id in them, {@code X-Request-Id} on every response and on the log lines about a failed
 * request (on every log line only with {@code CONTEXT_PROPAGATION=auto}, which restores the
 * logging MDC around every operator at a measured cost: {@link ThreadLocalRestoring}), typed
 * bad input answered once ({@link dev.cruxlog.platform.InvalidInput}), and the port through
 * which the web module renders friendly HTML error pages.
 */
@org.springframework.modulith.NamedInterface("web")
package dev.cruxlog.platform.web;
