package dev.cruxlog.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A bearer secret (session cookie, refresh token, email link): 256 random bits shown to
 * the client once, stored only as its SHA-256 hash, so a database leak reveals no
 * usable token. The random bytes come from the caller (a SecureRandom off the event loop).
 */
public record SecretToken(String value) {

    public static SecretToken of(byte[] randomBytes) {
        if (randomBytes.length < 16) {
            throw new IllegalArgumentException("A secret token needs at least 128 random bits");
        }
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes));
    }

    public byte[] hash() {
        return hash(value);
    }

    public static byte[] hash(String presented) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SecretToken[***]";
    }
}
