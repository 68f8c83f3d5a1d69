package dev.cruxlog.identity.application;

import java.util.List;
import java.util.UUID;

import dev.cruxlog.identity.application.IdentityErrors.TwoStepAlreadyOn;
import dev.cruxlog.identity.application.IdentityErrors.TwoStepNotSetUp;
import dev.cruxlog.identity.application.TwoStepKeys.TwoStepKey;
import dev.cruxlog.identity.domain.Base32;
import dev.cruxlog.identity.domain.RecoveryCodes;
import dev.cruxlog.identity.domain.Totp;
import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two-step sign-in (ASVS 6.3.3): a climber adds an authenticator app, after which signing in
 * takes the password and a code. Turning it on or off, and new recovery codes, need the current
 * password (ASVS 7.5.1); turning it on or off signs every other device out (ASVS 7.4.3) and
 * emails the owner. A password reset leaves it on: the emailed link replaces one factor only.
 */
@Service
public class TwoStepService {

    /** The name authenticator apps show above the codes. */
    public static final String ISSUER = "Cruxlog";

    /** The key being set up, as a climber types it (groups of four) and as an app scans it. */
    public record TwoStepSetUp(String typedKey, String keyUri) {
    }

    public record TwoStepStatus(boolean on, boolean settingUp, long unusedRecoveryCodes) {
    }

    private final TwoStepKeys keys;
    private final SecondFactors secondFactors;
    private final Reauthentication reauthentication;
    private final UserAccounts accounts;
    private final RandomTokens random;
    private final SignedInSessions signedInSessions;
    private final Mailer mailer;
    private final TransactionalOperator transaction;
    private final IdentityProperties properties;

    public TwoStepService(TwoStepKeys keys, SecondFactors secondFactors, Reauthentication reauthentication,
                          UserAccounts accounts, RandomTokens random, SignedInSessions signedInSessions, Mailer mailer,
                          TransactionalOperator transaction, IdentityProperties properties) {
        this.keys = keys;
        this.secondFactors = secondFactors;
        this.reauthentication = reauthentication;
        this.accounts = accounts;
        this.random = random;
        this.signedInSessions = signedInSessions;
        this.mailer = mailer;
        this.transaction = transaction;
        this.properties = properties;
    }

    public Mono<TwoStepStatus> status(UUID accountId) {
        return keys.find(accountId)
                .flatMap(key -> key.confirmed()
                        ? keys.unusedRecoveryCodes(accountId).map(codes -> new TwoStepStatus(true, false, codes))
                        : Mono.just(new TwoStepStatus(false, true, 0)))
                .defaultIfEmpty(new TwoStepStatus(false, false, 0));
    }

    /** A new key to add to an authenticator app; asked again, it replaces the one not yet confirmed. */
    public Mono<TwoStepSetUp> startSetUp(UUID accountId) {
        return random.nextBytes(Totp.KEY_BYTES)
                .flatMap(key -> keys.startSetUp(accountId, key)
                        .flatMap(started -> started ? setUpOf(accountId, key) : Mono.error(new TwoStepAlreadyOn())));
    }

    /** The key being set up, to show again (the page was reloaded); empty when none is. */
    public Mono<TwoStepSetUp> settingUp(UUID accountId) {
        return keys.find(accountId).filter(key -> !key.confirmed()).flatMap(key -> setUpOf(accountId, key.key()));
    }

    /**
     * Turns two-step sign-in on with the first code from the app; answers the recovery codes,
     * shown once and stored only as hashes. {@code keptSessionHash}'s session (the one asking) stays.
     */
    public Mono<List<String>> confirm(UUID accountId, String password, String code, byte[] keptSessionHash) {
        return reauthentication.confirm(accountId, password)
                .flatMap(account -> keys.find(accountId)
                        .filter(key -> !key.confirmed())
                        .switchIfEmpty(Mono.error(new TwoStepNotSetUp("Start setting up two-step sign-in first.")))
                        .flatMap(key -> secondFactors.firstCode(accountId, key, code))
                        .flatMap(step -> newRecoveryCodes().flatMap(codes -> transaction.transactional(
                                        keys.confirm(accountId, step)
                                                .flatMap(confirmed -> confirmed ? Mono.<Void>empty()
                                                        : Mono.error(new TwoStepNotSetUp("Start setting up two-step sign-in first.")))
                                                .then(keys.replaceRecoveryCodes(accountId, hashes(codes)))
                                                .then(signedInSessions.signOutEverywhere(accountId, keptSessionHash))
                                                .then(mailer.queue(notice(account, EmailTemplate.TWO_STEP_ON))))
                                .thenReturn(codes))));
    }

    /** Turns two-step sign-in off, with the password and a code (or a recovery code). */
    public Mono<Void> turnOff(UUID accountId, String password, String code, byte[] keptSessionHash) {
        return reauthentication.confirm(accountId, password)
                .flatMap(account -> requireOn(accountId)
                        .then(secondFactors.verify(accountId, code))
                        .then(transaction.transactional(keys.remove(accountId)
                                .then(signedInSessions.signOutEverywhere(accountId, keptSessionHash))
                                .then(mailer.queue(notice(account, EmailTemplate.TWO_STEP_OFF))))));
    }

    /** Ten new recovery codes, the old ones void: for a climber who used or lost theirs. */
    public Mono<List<String>> replaceRecoveryCodes(UUID accountId, String password) {
        return reauthentication.confirm(accountId, password)
                .flatMap(account -> requireOn(accountId))
                .then(newRecoveryCodes())
                // Delete and insert together: a failure between them must not leave the climber without codes.
                .flatMap(codes -> transaction.transactional(keys.replaceRecoveryCodes(accountId, hashes(codes))).thenReturn(codes));
    }

    private Mono<TwoStepKey> requireOn(UUID accountId) {
        return keys.find(accountId).filter(TwoStepKey::confirmed)
                .switchIfEmpty(Mono.error(new TwoStepNotSetUp("Two-step sign-in is off.")));
    }

    private Mono<TwoStepSetUp> setUpOf(UUID accountId, byte[] key) {
        return accounts.findById(accountId).map(account -> new TwoStepSetUp(grouped(Base32.encode(key)),
                Totp.keyUri(ISSUER, account.username(), key)));
    }

    private Mono<List<String>> newRecoveryCodes() {
        return Flux.range(0, RecoveryCodes.COUNT)
                .concatMap(i -> random.nextBytes(RecoveryCodes.RANDOM_BYTES))
                .map(RecoveryCodes::format)
                .collectList();
    }

    private static List<byte[]> hashes(List<String> codes) {
        return codes.stream().map(RecoveryCodes::hash).toList();
    }

    private Email notice(StoredAccount account, EmailTemplate template) {
        return new Email(account.email(), template, account.username(), properties.link("/account"), account.id());
    }

    /** "ABCD EFGH ...": easier to type from the screen into an app than 32 letters in a row. */
    private static String grouped(String key) {
        return String.join(" ", key.split("(?<=\\G.{4})"));
    }
}
