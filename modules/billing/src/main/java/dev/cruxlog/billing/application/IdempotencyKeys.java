package dev.cruxlog.billing.application;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keys for Stripe's Idempotency-Key header. They must be unique per attempt, not secret, so
 * they come from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} reads SecureRandom, which
 * may read /dev/urandom on the event loop (BlockHound caught exactly that here).
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String next(String purpose) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return purpose + "-" + new UUID(random.nextLong(), random.nextLong());
    }
}
