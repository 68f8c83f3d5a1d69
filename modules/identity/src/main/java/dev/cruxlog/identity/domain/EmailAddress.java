package dev.cruxlog.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as typed, plus the form used for uniqueness (case-insensitive, trimmed).
 * The check is deliberately loose: the verification email is the real test.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public EmailAddress {
        value = value == null ? "" : value.trim();
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidAccountInput("email", "Enter an email address like name@example.com.");
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
