package dev.cruxlog.platform.web;

import java.util.List;

/**
 * Paths a module serves to anyone, signed in or not (landing page, assets, sign-up, a
 * webhook). Modules declare them as beans; the security configuration collects them, so
 * no module edits another's rules.
 *
 * @param patterns   Spring path patterns, e.g. {@code /css/**}
 * @param csrfExempt true only for machine callers that authenticate otherwise (webhooks
 *                   with signatures); browser forms always need CSRF protection
 */
public record PublicPaths(List<String> patterns, boolean csrfExempt) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns), false);
    }

    public static PublicPaths csrfExempt(String... patterns) {
        return new PublicPaths(List.of(patterns), true);
    }
}
