/**
 * HTTP conventions every module follows: problem+json errors (RFC 9457) with the request
 * id in them, {@code X-Request-Id} on every response and in every log line, and the port
 * through which the web module renders friendly HTML error pages.
 */
@org.springframework.modulith.NamedInterface("web")
package dev.cruxlog.platform.web;
