package dev.cruxlog.identity.adapter.out.crypto;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

import dev.cruxlog.identity.application.RandomTokens;
import dev.cruxlog.identity.domain.SecretToken;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** SecureRandom may read /dev/urandom: it runs on the given (bounded elastic) scheduler. */
public class SecureRandomTokens implements RandomTokens {

    private final SecureRandom random = new SecureRandom();
    private final Scheduler blocking;

    public SecureRandomTokens(Scheduler blocking) {
        this.blocking = blocking;
    }

    @Override
    public Mono<SecretToken> next() {
        return Mono.fromCallable(() -> SecretToken.of(bytes(32))).subscribeOn(blocking);
    }

    @Override
    public Mono<UUID> nextId() {
        return Mono.fromCallable(() -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes(16));
            long high = (buffer.getLong() & ~0xF000L) | 0x4000L;
            long low = (buffer.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low);
        }).subscribeOn(blocking);
    }

    @Override
    public Mono<byte[]> nextBytes(int count) {
        return Mono.fromCallable(() -> bytes(count)).subscribeOn(blocking);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
