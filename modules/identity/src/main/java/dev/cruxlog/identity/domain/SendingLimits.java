package dev.cruxlog.identity.domain;

import java.time.Duration;

import dev.cruxlog.identity.domain.LoginThrottle.Limit;

/**
 * How often one address may make Cruxlog create accounts or send email to someone. Without
 * them a script could register 50 accounts from one address, or make Cruxlog mail any inbox
 * ("you already have an account", "confirm your new address") as often as it liked (issue #15).
 * Reset links and verification resends have their own limits per account.
 */
public final class SendingLimits {

    /** Accounts created from one client address. */
    public static final Limit SIGN_UPS = new Limit("signup-ip", 10, Duration.ofHours(1));
    /** Guest (sample) accounts created from one client address. */
    public static final Limit GUESTS = new Limit("guest-ip", 5, Duration.ofHours(1));
    /** "You already have an account" emails to one address; past it they are quietly not sent. */
    public static final Limit ACCOUNT_EXISTS_MAILS = new Limit("mail-exists", 3, Duration.ofHours(1));
    /** "Confirm your new address" emails to one address. */
    public static final Limit EMAIL_CHANGE_MAILS = new Limit("mail-change", 3, Duration.ofHours(1));

    private SendingLimits() {
    }
}
