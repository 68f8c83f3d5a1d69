package dev.cruxlog.identity.adapter.out.pwnedpasswords;

import dev.cruxlog.identity.application.BreachedPasswords;
import reactor.core.publisher.Mono;

/** {@code BREACHED_PASSWORDS_URL} set empty (offline installations, the test profile): nothing is asked. */
public class BreachCheckOff implements BreachedPasswords {

    @Override
    public Mono<Verdict> check(String password) {
        return Mono.just(Verdict.UNKNOWN);
    }
}
