package dev.cruxlog.identity.domain;

/**
 * RFC 4648 base32 without padding: how authenticator apps take a TOTP key typed by hand, and
 * how recovery codes are written (letters and the digits 2-7, so no 0 or 1 to take for O or I).
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return text.toString();
    }
}
