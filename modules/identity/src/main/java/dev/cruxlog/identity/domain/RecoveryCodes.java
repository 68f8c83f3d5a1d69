package dev.cruxlog.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The codes a climber keeps on paper for the day their phone is lost: ten of them, each usable
 * once. Each holds 120 random bits (24 base32 characters), which is what lets them be stored as
 * a plain SHA-256 hash (ASVS 6.5.2 asks for 112 bits or more for that; shorter ones would need
 * a salted password hash).
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    public static final int RANDOM_BYTES = 15;
    public static final int CHARACTERS = RANDOM_BYTES * 8 / 5;
    private static final int GROUP = 6;

    private RecoveryCodes() {
    }

    /** The code for {@link #RANDOM_BYTES} random bytes, as shown: four groups of six, "abcdef-ghijk2-...". */
    public static String format(byte[] randomBytes) {
        if (randomBytes.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("A recovery code takes " + RANDOM_BYTES + " random bytes");
        }
        String plain = Base32.encode(randomBytes).toLowerCase(Locale.ROOT);
        List<String> groups = new ArrayList<>();
        for (int start = 0; start < plain.length(); start += GROUP) {
            groups.add(plain.substring(start, Math.min(plain.length(), start + GROUP)));
        }
        return String.join("-", groups);
    }

    /** The stored form of a code, shown or normalised: SHA-256 of its characters without separators. */
    public static byte[] hash(String code) {
        return SecretToken.hash(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }
}
