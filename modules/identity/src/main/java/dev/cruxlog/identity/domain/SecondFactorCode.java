package dev.cruxlog.identity.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a climber types at the second sign-in step: the six digits their authenticator app shows,
 * or one of their recovery codes. Spaces and dashes are ignored, as people copy codes with them.
 */
public sealed interface SecondFactorCode {

    /** Six digits from the authenticator app. */
    record TimeBased(String digits) implements SecondFactorCode {
    }

    /** A recovery code, normalised (lower case, no separators). */
    record Recovery(String normalized) implements SecondFactorCode {

        public byte[] hash() {
            return RecoveryCodes.hash(normalized);
        }
    }

    /** Empty for anything that is neither (too long, wrong characters): no lookup is made for it. */
    static Optional<SecondFactorCode> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (compact.matches("[0-9]{" + Totp.DIGITS + "}")) {
            return Optional.of(new TimeBased(compact));
        }
        if (compact.matches("[a-z2-7]{" + RecoveryCodes.CHARACTERS + "}")) {
            return Optional.of(new Recovery(compact));
        }
        return Optional.empty();
    }
}
