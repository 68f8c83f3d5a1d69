package dev.cruxlog.identity.domain;

import java.util.Locale;

/**
 * OWASP ASVS 5 (V6.2): 8 to 128 characters, any printable characters, no composition rules,
 * and not one of the most common passwords. Length counts code points, so emoji count once;
 * all 128 count (the hasher takes passwords longer than bcrypt's 72 bytes too).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final CommonPasswords commonPasswords;

    public PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    public void check(String field, String password, String... personalWords) {
        if (password == null) {
            throw new InvalidAccountInput(field, "Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidAccountInput(field, "Use at least " + MIN_LENGTH + " characters; a short phrase works well.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidAccountInput(field, "Use at most " + MAX_LENGTH + " characters.");
        }
        // Nobody types them, and the hasher marks its reduced form of long passwords with one.
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountInput(field, "Passwords cannot contain control characters such as tabs or line breaks.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lower)) {
            throw new InvalidAccountInput(field, "This password is one of the most common ones and easy to guess. Choose another.");
        }
        for (String word : personalWords) {
            if (word != null && !word.isBlank() && lower.equals(word.toLowerCase(Locale.ROOT))) {
                throw new InvalidAccountInput(field, "Your password must not be your username or email address.");
            }
        }
    }
}
