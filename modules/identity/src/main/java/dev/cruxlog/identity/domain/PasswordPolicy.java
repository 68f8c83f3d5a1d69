package dev.cruxlog.identity.domain;

import java.util.List;
import java.util.Locale;

/**
 * OWASP ASVS 5 (V6.2): 8 to 128 characters, any printable characters, no composition rules,
 * and not one of the most common passwords. Length counts code points, so emoji count once;
 * all 128 count (the hasher takes passwords longer than bcrypt's 72 bytes too).
 * <p>
 * Nor a word an attacker would try first on this site (ASVS 6.1.2, 6.2.11): a password whose
 * letters are only one of {@link #CONTEXT_WORDS}, the climber's username, email address or the
 * part of it before the '@' ("Cruxlog2024!", "ada.lovelace1" for ada.lovelace@...) is refused,
 * while a phrase that merely contains such a word ("first climbing trip to Font") is not.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    /** The site's own words: its name, what it is about, and the sites it imports from. */
    public static final List<String> CONTEXT_WORDS = List.of("cruxlog", "crux", "logbook", "climbing", "climber",
            "climb", "boulder", "bouldering", "sendit", "mountainproject", "thecrag", "ukclimbing", "eighta", "anu",
            "password", "letmein");

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
        String letters = letters(lower);
        for (String word : personalWords) {
            if (word == null || word.isBlank()) {
                continue;
            }
            String personal = word.toLowerCase(Locale.ROOT);
            int at = personal.indexOf('@');
            if (lower.equals(personal) || letters.equals(letters(personal))
                    || at > 0 && letters.equals(letters(personal.substring(0, at)))) {
                throw new InvalidAccountInput(field, "Your password must not be your username or email address.");
            }
        }
        if (CONTEXT_WORDS.contains(letters)) {
            throw new InvalidAccountInput(field, "A password made of \"" + letters + "\" is among the first an attacker "
                    + "would try here. Choose another; a short phrase works well.");
        }
    }

    /** Only the letters, so "Cruxlog-2024!" and "cruxlog" compare equal. */
    private static String letters(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetter).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
