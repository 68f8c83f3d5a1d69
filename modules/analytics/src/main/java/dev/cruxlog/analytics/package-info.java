/**
 * Analytics: what a climber's logbook says. Built only on the logbook's API
 * ({@link dev.cruxlog.logbook.LogbookStatistics}), whose aggregates run in PostgreSQL, and
 * on identity's account settings for the grade system each climber reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package dev.cruxlog.analytics;
