/**
 * Coach: a chat with an AI climbing coach that answers from the climber's own data. Reads the
 * logbook ({@link dev.cruxlog.logbook.RecentTicks}) and analytics ({@link dev.cruxlog.analytics.Pyramids},
 * {@link dev.cruxlog.analytics.Overviews}) only through their APIs; talks to any
 * OpenAI-compatible model through a port, and without one still answers with insights computed
 * from the logbook, labelled as such.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coach",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform", "platform::*", "grades", "identity", "logbook", "analytics"})
package dev.cruxlog.coach;
