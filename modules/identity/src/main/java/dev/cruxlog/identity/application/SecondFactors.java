package dev.cruxlog.identity.application;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

import dev.cruxlog.identity.application.IdentityErrors.WrongSecondFactorCode;
import dev.cruxlog.identity.application.TwoStepKeys.TwoStepKey;
import dev.cruxlog.identity.domain.LoginThrottle;
import dev.cruxlog.identity.domain.SecondFactorCode;
import dev.cruxlog.identity.domain.Totp;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks the code of an account's second factor: six digits from its authenticator app (each
 * step accepted once) or one of its recovery codes (each spent on use). Every check is counted
 * per account before it is made ({@link LoginThrottle#SECOND_FACTOR}); only failures stay counted.
 */
@Service
public class SecondFactors {

    private final TwoStepKeys keys;
    private final Throttling throttling;
    private final Clock clock;

    public SecondFactors(TwoStepKeys keys, Throttling throttling, Clock clock) {
        this.keys = keys;
        this.throttling = throttling;
        this.clock = clock;
    }

    /**
     * Completes when the code is right for the account's confirmed key, and spends it;
     * {@link WrongSecondFactorCode} or {@code TooManyAttempts} if not.
     */
    public Mono<Void> verify(UUID accountId, String typed) {
        return counted(accountId, Mono.defer(() -> SecondFactorCode.parse(typed)
                        .map(code -> accepts(accountId, code))
                        .orElseGet(() -> Mono.just(false)))
                .filter(Boolean::booleanValue))
                .then();
    }

    /**
     * The step of a code from a key being set up (not yet confirmed), for the confirmation to
     * record as used. Recovery codes do not count here: the climber proves the app works.
     */
    public Mono<Long> firstCode(UUID accountId, TwoStepKey settingUp, String typed) {
        return counted(accountId, Mono.fromSupplier(() -> SecondFactorCode.parse(typed)
                        .filter(SecondFactorCode.TimeBased.class::isInstance)
                        .map(code -> Totp.matchingStep(settingUp.key(), ((SecondFactorCode.TimeBased) code).digits(),
                                clock.instant(), settingUp.lastUsedStep()))
                        .orElse(OptionalLong.empty()))
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong));
    }

    /** A code is a guess at a secret, counted per account as every such guess is ({@link Throttling#guess}). */
    private <T> Mono<T> counted(UUID accountId, Mono<T> check) {
        return throttling.guess(LoginThrottle.SECOND_FACTOR, accountId.toString(), check, WrongSecondFactorCode::new);
    }

    private Mono<Boolean> accepts(UUID accountId, SecondFactorCode code) {
        if (code instanceof SecondFactorCode.Recovery recovery) {
            return keys.useRecoveryCode(accountId, recovery.hash());
        }
        String digits = ((SecondFactorCode.TimeBased) code).digits();
        return keys.find(accountId)
                .filter(TwoStepKey::confirmed)
                .flatMap(key -> {
                    OptionalLong step = Totp.matchingStep(key.key(), digits, clock.instant(), key.lastUsedStep());
                    // The UPDATE decides, not the read above: of two requests with the same code, one wins.
                    return step.isPresent() ? keys.useStep(accountId, step.getAsLong()) : Mono.just(false);
                })
                .defaultIfEmpty(false);
    }
}
