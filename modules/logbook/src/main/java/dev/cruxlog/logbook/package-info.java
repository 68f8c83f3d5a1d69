/**
 * Logbook: a climber's ticks, correctly understood. Ticks come from imports (Mountain
 * Project first; every source plugs into the same pipeline) or are entered by hand; each
 * is classified (discipline, send, ascent style, length, season) by the rules in
 * {@code domain}, and every query is scoped by owner.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Logbook",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform", "platform::*", "grades", "identity", "identity::web"})
package dev.cruxlog.logbook;
