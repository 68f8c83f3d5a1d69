package dev.cruxlog.billing.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex>,v1=<hex>,...}):
 * HMAC-SHA256 with the endpoint's secret over {@code "<t>.<raw body>"}, compared in constant
 * time with every {@code v1} value (Stripe sends several while a secret is being rolled), and
 * the timestamp within the tolerance of now, so a captured request cannot be replayed later.
 */
public final class StripeSignature {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private StripeSignature() {
    }

    /** Why a signature was refused; the message is safe to return to the caller. */
    public static class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    public static void verify(byte[] payload, String header, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw new Invalid("Missing Stripe-Signature header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new Invalid("Malformed Stripe-Signature timestamp");
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new Invalid("Stripe-Signature has no timestamp or no v1 signature");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            throw new Invalid("Stripe-Signature timestamp is outside the tolerance");
        }
        byte[] expected = hmac(secret, timestamp + ".", payload);
        for (String signature : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new Invalid("No Stripe-Signature matches the payload");
    }

    /** The header Stripe would send for this payload at this time: for tests and for the docs' curl example. */
    public static String header(byte[] payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t + ".", payload));
    }

    private static byte[] hmac(String secret, String prefix, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
