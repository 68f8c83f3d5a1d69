package dev.cruxlog.identity.adapter.out.crypto;

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

    @Override
    public Mono<String> hash(String rawPassword) {
        return Mono.fromCallable(() -> encoder.encode(rawPassword)).subscribeOn(hashing);
    }

    @Override
    public Mono<Boolean> matches(String rawPassword, String hash) {
        return Mono.fromCallable(() -> encoder.matches(rawPassword, hash)).subscribeOn(hashing);
    }

    @Override
    public Mono<Boolean> matchesNothing(String rawPassword) {
        return matches(rawPassword, decoy).map(ignored -> false);
    }
}
