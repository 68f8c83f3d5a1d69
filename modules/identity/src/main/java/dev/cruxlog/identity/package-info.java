/**
 * Identity: accounts and everything about who is asking.
 *
 * <p>Registration, email verification, password reset and change, email change,
 * deactivation and deletion; sign-in for pages (session cookie stored in PostgreSQL, CSRF
 * on every form) and for the API (short-lived signed access tokens, rotating refresh
 * tokens); throttled logins; and the tier and roles other modules ask about through
 * {@link dev.cruxlog.identity.Accounts} and {@link dev.cruxlog.identity.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform", "platform::*", "notifications"})
package dev.cruxlog.identity;
