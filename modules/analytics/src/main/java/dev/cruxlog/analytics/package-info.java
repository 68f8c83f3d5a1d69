/**
 * Analytics: what a climber's logbook says. Built only on the logbook's API
 * ({@link dev.cruxlog.logbook.LogbookStatistics}, whose aggregates run in PostgreSQL, and
 * {@link dev.cruxlog.logbook.LogbookChangeListener}, which tells it of every write inside the
 * writing transaction) and on identity's account settings for the grade system each climber
 * reads. The whole logbook's figures are kept folded in analytics' own schema, replaced with
 * every write (the read model, ADR 0015); windows of dates are computed per request, an overview of a window once per revision of the
 * climber's stored figures (WindowedOverviews, ADR 0026).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform", "platform::*", "grades", "identity", "logbook"})
package dev.cruxlog.analytics;
