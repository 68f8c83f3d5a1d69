package dev.cruxlog.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A public handle: 3 to 30 letters, digits, dots, dashes or underscores; unique ignoring case. */
public record Username(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{2,29}$");

    public Username {
        value = value == null ? "" : value.trim();
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidAccountInput("username",
                    "Use 3 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit.");
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
