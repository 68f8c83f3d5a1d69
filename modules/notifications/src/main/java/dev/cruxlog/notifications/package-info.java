/**
 * Notifications: email that never gets lost and never goes out for a change that did not
 * happen. {@link dev.cruxlog.notifications.Mailer#queue} writes an outbox row inside the
 * caller's transaction and enqueues its delivery on the platform job queue; the job
 * renders the HTML and text bodies and hands them to SMTP (or, in development without
 * SMTP settings, to the log and the dev inbox page).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform::jobs", "platform::accounts", "platform::database", "platform::web"})
package dev.cruxlog.notifications;
