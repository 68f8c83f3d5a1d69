package dev.cruxlog.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.identity.application.IdentityErrors.TwoStepAlreadyOn;
import dev.cruxlog.identity.application.IdentityErrors.TwoStepNotSetUp;
import dev.cruxlog.identity.application.IdentityErrors.UnknownAccount;
import dev.cruxlog.identity.application.TwoStepKeys.TwoStepKey;
import dev.cruxlog.identity.domain.Base32;
import dev.cruxlog.identity.domain.RecoveryCodes;
import dev.cruxlog.identity.domain.Totp;
import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Two-step sign-in (ASVS 6.3.3): a climber adds an authenticator app, after which signing in
 * takes the password and a code. Turning it on takes the password and the app's first code;
 * turning it off and new recovery codes take the password and a code (ASVS 7.5.1). Each of the
 * three signs every other device out (ASVS 7.4.3) and emails the owner. A password reset leaves
 * it on: the emailed link replaces one factor only.
 */
@Service
public class TwoStepService {

    private static final Logger log = LoggerFactory.getLogger(TwoStepService.class);

    /** The name authenticator apps show above the codes. */
    public static final String ISSUER = "Cruxlog";
    /** A key shown for setting up and not confirmed within this long is void: ask for a new one. */
    public static final Duration SET_UP_LIFETIME = Duration.ofMinutes(15);

    private static final String START_FIRST = "Start setting up two-step sign-in first (a key shown is good for "
            + SET_UP_LIFETIME.toMinutes() + " minutes).";

    /** The key being set up, as a climber types it (groups of four) and as an app scans it. */
    public record TwoStepSetUp(String typedKey, String keyUri) {
    }

    /** {@code settingUp}: the key being set up, or null. */
    public record TwoStepStatus(boolean on, TwoStepSetUp settingUp, long unusedRecoveryCodes) {
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
    private final Clock clock;

    public TwoStepService(TwoStepKeys keys, SecondFactors secondFactors, Reauthentication reauthentication,
                          UserAccounts accounts, RandomTokens random, SignedInSessions signedInSessions, Mailer mailer,
                          TransactionalOperator transaction, IdentityProperties properties, Clock clock) {
        this.keys = keys;
        this.secondFactors = secondFactors;
        this.reauthentication = reauthentication;
        this.accounts = accounts;
        this.random = random;
        this.signedInSessions = signedInSessions;
        this.mailer = mailer;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<TwoStepStatus> status(UUID accountId) {
        return keys.find(accountId)
                .flatMap(key -> key.confirmed()
                        ? keys.unusedRecoveryCodes(accountId).map(codes -> new TwoStepStatus(true, null, codes))
                        : settingUp(key) ? setUpOf(accountId, key.key()).map(setUp -> new TwoStepStatus(false, setUp, 0))
                        : Mono.<TwoStepStatus>empty())
                .defaultIfEmpty(new TwoStepStatus(false, null, 0));
    }

    /** A new key to add to an authenticator app; asked again, it replaces the one not yet confirmed. */
    public Mono<TwoStepSetUp> startSetUp(UUID accountId) {
        return random.nextBytes(Totp.KEY_BYTES)
                .flatMap(key -> keys.startSetUp(accountId, key)
                        .flatMap(started -> started ? setUpOf(accountId, key) : Mono.error(new TwoStepAlreadyOn())));
    }

    /**
     * Turns two-step sign-in on with the first code from the app; answers the recovery codes,
     * shown once and stored only as hashes. {@code keptSessionHash}'s session (the one asking) stays.
     */
    public Mono<List<String>> confirm(UUID accountId, String password, String code, byte[] keptSessionHash) {
        return reauthentication.confirm(accountId, password)
                .flatMap(account -> keys.find(accountId)
                        .filter(this::settingUp)
                        .switchIfEmpty(Mono.error(new TwoStepNotSetUp(START_FIRST)))
                        .flatMap(key -> secondFactors.firstCode(accountId, key, code)
                                .flatMap(step -> newRecoveryCodes().flatMap(codes -> transaction.transactional(
                                                keys.confirm(accountId, key.key(), step)
                                                        .flatMap(confirmed -> confirmed ? Mono.<Void>empty()
                                                                : Mono.error(new TwoStepNotSetUp(START_FIRST)))
                                                        .then(keys.replaceRecoveryCodes(accountId, hashes(codes)))
                                                        .then(signedInSessions.signOutEverywhere(accountId, keptSessionHash))
                                                        .then(mailer.queue(notice(account, EmailTemplate.TWO_STEP_ON))))
                                        .thenReturn(codes)))));
    }

    /** Turns two-step sign-in off, with the password and a code (or a recovery code). */
    public Mono<Void> turnOff(UUID accountId, String password, String code, byte[] keptSessionHash) {
        return reauthentication.confirm(accountId, password)
                .flatMap(account -> requireOn(accountId)
                        .then(secondFactors.verify(accountId, code))
                        .then(transaction.transactional(remove(account, keptSessionHash))));
    }

    /**
     * Ten new recovery codes, the old ones void, with the password and a code: for a climber who
     * used or lost theirs. A second factor of its own, so it signs the other devices out too.
     */
    public Mono<List<String>> replaceRecoveryCodes(UUID accountId, String password, String code, byte[] keptSessionHash) {
        return reauthentication.confirm(accountId, password)
                .flatMap(account -> requireOn(accountId)
                        .then(secondFactors.verify(accountId, code))
                        .then(newRecoveryCodes())
                        .flatMap(codes -> transaction.transactional(keys.replaceRecoveryCodes(accountId, hashes(codes))
                                        .then(signedInSessions.signOutEverywhere(accountId, keptSessionHash))
                                        .then(mailer.queue(notice(account, EmailTemplate.RECOVERY_CODES_REPLACED))))
                                .thenReturn(codes)));
    }

    /**
     * An administrator turns an account's two-step sign-in off: the owner lost the phone and the
     * recovery codes and proved who they are out of band (docs/security.md, 6.4.4). Every
     * session ends, the owner is emailed, and the log names the administrator.
     */
    public Mono<Void> removeByAdministrator(UUID administrator, UUID accountId) {
        return accounts.findById(accountId)
                .switchIfEmpty(Mono.error(new UnknownAccount()))
                .flatMap(account -> transaction.transactional(remove(account, null)))
                .doOnSuccess(done -> log.info("Administrator {} turned two-step sign-in off for account {}", administrator, accountId));
    }

    private Mono<Void> remove(StoredAccount account, byte[] keptSessionHash) {
        return keys.remove(account.id())
                .then(signedInSessions.signOutEverywhere(account.id(), keptSessionHash))
                .then(mailer.queue(notice(account, EmailTemplate.TWO_STEP_OFF)));
    }

    private boolean settingUp(TwoStepKey key) {
        return !key.confirmed() && key.createdAt().plus(SET_UP_LIFETIME).isAfter(clock.instant());
    }

    private Mono<TwoStepKey> requireOn(UUID accountId) {
        return keys.find(accountId).filter(TwoStepKey::confirmed)
                .switchIfEmpty(Mono.error(new TwoStepNotSetUp("Two-step sign-in is off.")));
    }

    private Mono<TwoStepSetUp> setUpOf(UUID accountId, byte[] key) {
        return accounts.findById(accountId).map(account -> new TwoStepSetUp(grouped(Base32.encode(key)),
                Totp.keyUri(ISSUER, account.username(), key)));
    }

    /** Ten codes from one draw of random bytes (one trip to the SecureRandom's scheduler). */
    private Mono<List<String>> newRecoveryCodes() {
        return random.nextBytes(RecoveryCodes.COUNT * RecoveryCodes.RANDOM_BYTES).map(bytes -> {
            List<String> codes = new ArrayList<>(RecoveryCodes.COUNT);
            for (int i = 0; i < RecoveryCodes.COUNT; i++) {
                codes.add(RecoveryCodes.format(Arrays.copyOfRange(bytes, i * RecoveryCodes.RANDOM_BYTES,
                        (i + 1) * RecoveryCodes.RANDOM_BYTES)));
            }
            return codes;
        });
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
