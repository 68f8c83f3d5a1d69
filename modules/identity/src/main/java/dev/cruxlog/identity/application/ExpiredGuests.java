package dev.cruxlog.identity.application;

import java.time.Clock;
import java.time.Duration;

import dev.cruxlog.platform.jobs.PeriodicSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sample logbooks ("Try it") do not live for ever: every hour, guest accounts older than
 * {@code cruxlog.identity.guest-lifetime} (GUEST_LIFETIME, a week) are erased with all their
 * data, a bounded batch per sweep. Anonymous visitors made 20 guests and 11,340 ticks in 20
 * calls and none were ever deleted (issue #15). Two instances sweeping at once erase the same
 * guest twice at worst, which deletes nothing the second time.
 */
@Component
public class ExpiredGuests extends PeriodicSweep {

    private static final Logger log = LoggerFactory.getLogger(ExpiredGuests.class);
    static final int BATCH = 500;

    private final UserAccounts accounts;
    private final AccountService erasure;
    private final Clock clock;
    private final Duration lifetime;

    ExpiredGuests(UserAccounts accounts, AccountService erasure, Clock clock,
                  @Value("${cruxlog.identity.guest-lifetime:7d}") Duration lifetime,
                  @Value("${cruxlog.identity.guest-sweep-interval:1h}") Duration every) {
        super("expired guests", every);
        this.accounts = accounts;
        this.erasure = erasure;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** One sweep; emits how many guests were erased. */
    @Override
    public Mono<Long> sweep() {
        return accounts.guestsCreatedBefore(clock.instant().minus(lifetime), RegistrationService.GUEST_EMAIL_DOMAIN, BATCH)
                .concatMap(guest -> erasure.eraseGuest(guest).thenReturn(guest))
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Erased {} guest account(s) older than {}", count, lifetime);
                    }
                });
    }
}
