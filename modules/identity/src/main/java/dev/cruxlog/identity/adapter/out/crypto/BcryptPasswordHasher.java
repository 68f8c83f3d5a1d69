package dev.cruxlog.identity.adapter.out.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.RejectedExecutionException;

import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * bcrypt (cost 12 by default, ~250 ms a hash on our machines). Hashing is deliberately
 * slow CPU work, so it runs on its own small scheduler: never on an event loop, and never
 * starving Reactor's parallel threads when many people sign in at once.
 */
public class BcryptPasswordHasher implements PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    private final Scheduler hashing;
    /** A real hash of a random password, so "no such account" costs a full comparison too. */
    private final String decoy;

    public BcryptPasswordHasher(int strength, Scheduler hashing) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.hashing = hashing;
        this.decoy = encoder.encode("decoy-" + System.nanoTime());
    }

    public int strength() {
        return Integer.parseInt(decoy.substring(4, 6));
    }

    /** Hashes waiting for a thread; about 8 s of work on two cores at cost 12. */
    public static final int MAX_QUEUED_HASHES = 64;
    /** How long a caller refused for a full queue is asked to wait. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    @Override
    public Mono<String> hash(String rawPassword) {
        return busyWhenFull(Mono.fromCallable(() -> encoder.encode(bcryptInput(rawPassword))).subscribeOn(hashing));
    }

    @Override
    public Mono<Boolean> matches(String rawPassword, String hash) {
        return busyWhenFull(Mono.fromCallable(() -> encoder.matches(bcryptInput(rawPassword), hash)).subscribeOn(hashing));
    }

    /** A full hashing queue is a 429 with Retry-After, not a wait behind every other guess. */
    private static <T> Mono<T> busyWhenFull(Mono<T> hashing) {
        return hashing.onErrorMap(RejectedExecutionException.class, full -> new TooManyAttempts(BUSY_RETRY));
    }

    /**
     * What bcrypt is given for a password. bcrypt reads at most 72 bytes, and Spring's encoder
     * refuses more (it used to answer 500), while the policy allows 128 characters, up to 512
     * bytes of UTF-8. A longer password is reduced to its SHA-256 first, behind a control
     * character that {@link dev.cruxlog.identity.domain.PasswordPolicy} forbids in passwords, so
     * the reduced form can never be typed in as a password of its own. Passwords of up to 72
     * bytes, every one stored so far, are given as they are: existing hashes keep matching.
     */
    static String bcryptInput(String rawPassword) {
        byte[] utf8 = rawPassword.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= BCRYPT_MAX_BYTES) {
            return rawPassword;
        }
        try {
            return REDUCED + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static final int BCRYPT_MAX_BYTES = 72;
    private static final String REDUCED = "\u0001sha256:";

    @Override
    public Mono<Boolean> matchesNothing(String rawPassword) {
        return matches(rawPassword, decoy).map(ignored -> false);
    }
}
