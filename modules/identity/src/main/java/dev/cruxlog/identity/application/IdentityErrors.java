package dev.cruxlog.identity.application;

import java.time.Duration;

/** What can go wrong in identity's use cases, each with the message shown to the climber. */
public final class IdentityErrors {

    private IdentityErrors() {
    }

    /** Wrong login or password, unknown account, or a deactivated one: never says which. */
    public static class BadCredentials extends RuntimeException {
        public BadCredentials() {
            super("That login and password do not match an active account.");
        }
    }

    public static class TooManyAttempts extends RuntimeException {
        private final Duration retryAfter;

        public TooManyAttempts(Duration retryAfter) {
            super("Too many attempts. Try again in " + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " minute(s).");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public static class UsernameTaken extends RuntimeException {
        public UsernameTaken() {
            super("That username is taken. Choose another.");
        }
    }

    /** Only a guest's sample logbook can be kept as an account ({@code RegistrationService.keepGuest}). */
    public static class NotAGuest extends RuntimeException {
        public NotAGuest() {
            super("Only a sample logbook can be kept this way.");
        }
    }

    public static class EmailTaken extends RuntimeException {
        public EmailTaken() {
            super("That address cannot be used for this account.");
        }
    }

    /** An emailed link that is unknown, used or expired. */
    public static class InvalidLink extends RuntimeException {
        public InvalidLink() {
            super("This link is invalid, expired or was already used. Ask for a new one.");
        }
    }

    /** A refresh token that is unknown, expired, revoked or replayed. */
    public static class InvalidRefreshToken extends RuntimeException {
        public InvalidRefreshToken() {
            super("The refresh token is invalid, expired or was already used. Sign in again.");
        }
    }

    public static class WrongPassword extends RuntimeException {
        public WrongPassword() {
            super("Your current password is not correct.");
        }
    }

    /** A session or sign-in the account does not have (another climber's, or already ended). */
    public static class UnknownSession extends RuntimeException {
        public UnknownSession() {
            super("You have no signed-in session by that id. It may have ended already.");
        }
    }

    /** An account that does not exist (an administrator's request). */
    public static class UnknownAccount extends RuntimeException {
        public UnknownAccount() {
            super("No account has that id.");
        }
    }

    /** A code at the second sign-in step (or to turn two-step sign-in off) that is wrong, used or too old. */
    public static class WrongSecondFactorCode extends RuntimeException {
        public WrongSecondFactorCode() {
            super("That code is not right. Type the six digits your authenticator app shows now, or one of your recovery codes.");
        }
    }

    /** The second sign-in step of a challenge that is unknown, used or older than its few minutes. */
    public static class SignInExpired extends RuntimeException {
        public SignInExpired() {
            super("This sign-in expired. Sign in again with your password.");
        }
    }

    /** Setting up two-step sign-in when it is on already. */
    public static class TwoStepAlreadyOn extends RuntimeException {
        public TwoStepAlreadyOn() {
            super("Two-step sign-in is on already. Turn it off first to move it to another app.");
        }
    }

    /** Confirming or changing two-step sign-in in a state where that means nothing. */
    public static class TwoStepNotSetUp extends RuntimeException {
        public TwoStepNotSetUp(String message) {
            super(message);
        }
    }
}
