package dev.cruxlog.identity.application;

import java.time.Duration;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.domain.SecretToken;

/** What a right password leads to: a signed-in climber, or a second step when the account asks for a code. */
public sealed interface SignInOutcome {

    record SignedIn(CurrentUser user) implements SignInOutcome {
    }

    /** The password was right; the bearer of {@code challenge} may finish with a code within {@code expiresIn}. */
    record CodeNeeded(SecretToken challenge, Duration expiresIn) implements SignInOutcome {
    }
}
