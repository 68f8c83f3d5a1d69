package dev.cruxlog.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How many failed sign-ins we tolerate before asking the caller to wait. The limits are
 * windows, not lockouts: when a window ends, the count starts again, so an attacker can
 * slow a victim's sign-in down for a while but never lock the account for good.
 *
 * <ul>
 *   <li>per account and client address: 5 failures per 15 minutes;</li>
 *   <li>per account from anywhere: 20 failures per 15 minutes (spraying from many addresses),
 *       except from an address the owner signed in from in the last 30 days;</li>
 *   <li>per client address: 30 failures per 10 minutes (one address trying many accounts).</li>
 * </ul>
 * The current password asked again before a password or email change, a deactivation or a
 * deletion has its own limit, per account: 5 failures per 15 minutes, so a stolen session or
 * access token cannot become a way to guess the password at hashing speed (ASVS 6.3.1).
 * Codes typed at the second sign-in step, or to turn two-step sign-in off, have a limit per
 * account too: 5 wrong codes per 15 minutes. Someone who already has the password then gets
 * 480 guesses a day at six digits accepted over three steps: about one chance in 700 a day
 * (NIST SP 800-63B allows up to 100 consecutive failures).
 */
public final class LoginThrottle {

    public record Limit(String scope, int maxFailures, Duration window) {

        /** The counter of this limit for what it counts (an account, an address, a recipient). */
        public String key(String counted) {
            return scope + ":" + counted;
        }
    }

    public static final Limit ACCOUNT_AND_ADDRESS = new Limit("account+ip", 5, Duration.ofMinutes(15));
    public static final Limit ACCOUNT = new Limit("account", 20, Duration.ofMinutes(15));
    public static final Limit ADDRESS = new Limit("ip", 30, Duration.ofMinutes(10));
    public static final Limit PASSWORD_CONFIRMATION = new Limit("confirm", 5, Duration.ofMinutes(15));
    public static final Limit SECOND_FACTOR = new Limit("second-factor", 5, Duration.ofMinutes(15));
    /**
     * How long an address the owner signed in from stays exempt from the per-account limit, which
     * anyone who knows the login can keep full: the owner keeps signing in from where they do.
     */
    public static final Duration OWNERS_ADDRESS_MEMORY = Duration.ofDays(30);

    private LoginThrottle() {
    }

    /** How long the caller must still wait, or zero when another attempt is allowed now. */
    public static Duration waitFor(Limit limit, int failures, Instant windowStartedAt, Instant now) {
        Instant windowEnds = windowStartedAt.plus(limit.window());
        if (failures < limit.maxFailures() || !now.isBefore(windowEnds)) {
            return Duration.ZERO;
        }
        return Duration.between(now, windowEnds);
    }
}
