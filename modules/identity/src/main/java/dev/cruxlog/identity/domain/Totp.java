package dev.cruxlog.identity.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps,
 * six digits, the parameters every authenticator app assumes when it scans an otpauth URI.
 * A code is accepted for the step before and after the current one, because phones' clocks
 * drift and people type slowly; the caller records the step used so that no code works twice
 * (ASVS 6.5.1).
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** A key of 160 bits, as RFC 4226 recommends for HMAC-SHA1 (ASVS 6.5.3: from a CSPRNG, by the caller). */
    public static final int KEY_BYTES = 20;
    private static final int ACCEPTED_DRIFT_STEPS = 1;

    private Totp() {
    }

    /** The step (counter) of a moment: seconds since the epoch, in whole steps. */
    public static long stepAt(Instant moment) {
        return Math.floorDiv(moment.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of one step, zero-padded to six digits. */
    public static String code(byte[] key, long step) {
        byte[] mac = hmacSha1(key, ByteBuffer.allocate(8).putLong(step).array());
        int offset = mac[mac.length - 1] & 0x0F;
        int binary = ((mac[offset] & 0x7F) << 24) | ((mac[offset + 1] & 0xFF) << 16)
                | ((mac[offset + 2] & 0xFF) << 8) | (mac[offset + 3] & 0xFF);
        String digits = Integer.toString(binary % 1_000_000);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }

    /**
     * The step whose code was typed, within one step of now, and later than {@code lastUsedStep}
     * (a code already used, or an older one, never matches again). Empty when none does.
     * Every candidate is compared in constant time.
     */
    public static OptionalLong matchingStep(byte[] key, String typedDigits, Instant now, long lastUsedStep) {
        byte[] typed = typedDigits.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        OptionalLong match = OptionalLong.empty();
        for (long step = current - ACCEPTED_DRIFT_STEPS; step <= current + ACCEPTED_DRIFT_STEPS; step++) {
            boolean equal = MessageDigest.isEqual(typed, code(key, step).getBytes(StandardCharsets.US_ASCII));
            if (equal && step > lastUsedStep && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    /**
     * The otpauth URI an authenticator app scans (Google Authenticator's key-uri format), naming
     * the issuer and the account so the climber can tell entries apart.
     */
    public static String keyUri(String issuer, String accountName, byte[] key) {
        String label = UriText.encode(issuer) + ":" + UriText.encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(key) + "&issuer=" + UriText.encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** Percent-encoding for the URI's label and issuer (spaces as %20, as authenticator apps expect). */
    private static final class UriText {
        static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
