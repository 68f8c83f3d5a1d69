/**
 * Billing: Stripe subscriptions, webhooks and entitlements. Talks to Stripe's REST API over
 * WebClient; trusts only verified webhooks followed by a fetch of the subscription; grants
 * and removes the premium tier through identity's {@link dev.cruxlog.identity.Accounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform", "platform::*", "identity", "coach"})
package dev.cruxlog.billing;
