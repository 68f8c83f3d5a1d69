/**
 * Identity's API for other modules' web adapters: what takes a browser's exchange (a session
 * cookie set on it) rather than plain values. Kept apart from the module's main API, which
 * speaks no HTTP, so a module that uses it says so in its {@code allowedDependencies}
 * ({@code "identity::web"}).
 */
@org.springframework.modulith.NamedInterface("web")
package dev.cruxlog.identity.web;
