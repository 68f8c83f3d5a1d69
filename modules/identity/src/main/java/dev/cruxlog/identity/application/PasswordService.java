package dev.cruxlog.identity.application;

import java.time.Duration;
import java.util.UUID;

import dev.cruxlog.identity.application.IdentityErrors.InvalidLink;
import dev.cruxlog.identity.application.OneTimeTokens.Purpose;
import dev.cruxlog.identity.domain.EmailAddress;
import dev.cruxlog.identity.domain.InvalidAccountInput;
import dev.cruxlog.identity.domain.SecretToken;
import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Forgotten and changed passwords. A reset link is single-use, lives one hour, is stored
 * only as a hash, and using it signs the account out everywhere and tells the owner.
 */
@Service
public class PasswordService {

    private static final Logger log = LoggerFactory.getLogger(PasswordService.class);

    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    static final int RESET_LINKS_PER_HOUR = 3;

    private final UserAccounts accounts;
    private final OneTimeTokens links;
    private final PasswordHasher hasher;
    private final RandomTokens random;
    private final SignedInSessions signedInSessions;
    private final Mailer mailer;
    private final TransactionalOperator transaction;
    private final IdentityProperties properties;
    private final Reauthentication reauthentication;
    private final PasswordScreening screening;

    public PasswordService(UserAccounts accounts, OneTimeTokens links, PasswordHasher hasher,
                           RandomTokens random, SignedInSessions signedInSessions, Mailer mailer,
                           TransactionalOperator transaction, IdentityProperties properties,
                           Reauthentication reauthentication, PasswordScreening screening) {
        this.screening = screening;
        this.accounts = accounts;
        this.links = links;
        this.hasher = hasher;
        this.random = random;
        this.signedInSessions = signedInSessions;
        this.mailer = mailer;
        this.transaction = transaction;
        this.properties = properties;
        this.reauthentication = reauthentication;
    }

    /**
     * Always completes the same way and in the same time, known address or not: the answer
     * does not wait for the lookup. The link is issued on a subscription of its own (with the
     * caller's context, so its logs carry the request id); only a known, active account gets
     * an email, through the outbox. If the application stops in between, the climber asks again.
     */
    public Mono<Void> requestReset(String emailInput) {
        return Mono.deferContextual(context -> {
            issueResetLink(emailInput)
                    .contextWrite(context)
                    .subscribe(null, error -> log.error("Issuing a password reset link failed", error));
            return Mono.<Void>empty();
        });
    }

    Mono<Void> issueResetLink(String emailInput) {
        String normalized;
        try {
            normalized = new EmailAddress(emailInput).normalized();
        } catch (InvalidAccountInput e) {
            return Mono.empty();
        }
        return random.next().flatMap(token -> accounts.findByEmail(normalized)
                .filter(StoredAccount::active)
                .flatMap(account -> transaction.transactional(links.lockIssuing(account.id(), Purpose.RESET_PASSWORD)
                        .then(links.countIssuedSince(account.id(), Purpose.RESET_PASSWORD, Duration.ofHours(1)))
                        // A few links an hour at most: the form must not become a way to flood an inbox.
                        .filter(recent -> recent < RESET_LINKS_PER_HOUR)
                        .flatMap(recent -> links.invalidateAll(account.id(), Purpose.RESET_PASSWORD)
                                .then(links.insert(token.hash(), account.id(), Purpose.RESET_PASSWORD, null,
                                        RESET_LINK_LIFETIME))
                                .then(mailer.queue(new Email(account.email(), EmailTemplate.PASSWORD_RESET,
                                        account.username(), properties.link("/reset-password?token=" + token.value()),
                                        account.id())))))));
    }

    public Mono<Void> confirmReset(String token, String newPassword) {
        if (token == null || token.isBlank()) {
            return Mono.error(new InvalidLink());
        }
        byte[] link = SecretToken.hash(token);
        // The link first: a made-up one costs a lookup, not a breach query and a bcrypt hash. A
        // refused password leaves the link unused, good for another try.
        return links.accountOf(link, Purpose.RESET_PASSWORD)
                .flatMap(accounts::findById)
                .switchIfEmpty(Mono.error(new InvalidLink()))
                .flatMap(account -> screening.check("password", newPassword, account.username(), account.email())
                        .then(hasher.hash(newPassword))
                        .flatMap(hash -> transaction.transactional(links.consume(link, Purpose.RESET_PASSWORD)
                                .filter(consumed -> consumed.accountId().equals(account.id()))
                                .switchIfEmpty(Mono.error(new InvalidLink()))
                                .then(replacePassword(account, hash, null)))));
    }

    /**
     * Changes the password of a signed-in climber. Every other session and every API
     * refresh token is revoked; the session in {@code keptSessionHash} (the one asking) stays.
     */
    public Mono<Void> changePassword(UUID accountId, String currentPassword, String newPassword, byte[] keptSessionHash) {
        return reauthentication.confirm(accountId, currentPassword)
                .flatMap(account -> screening.check("newPassword", newPassword, account.username(), account.email())
                        .then(hasher.hash(newPassword))
                        .flatMap(hash -> transaction.transactional(replacePassword(account, hash, keptSessionHash))));
    }

    private Mono<Void> replacePassword(StoredAccount account, String hash, byte[] keptSessionHash) {
        return accounts.updatePassword(account.id(), hash)
                .then(signedInSessions.signOutEverywhere(account.id(), keptSessionHash))
                // An address an intruder signed in from must not stay exempt from the sign-in limit.
                .then(accounts.forgetSignInAddresses(account.id()))
                .then(links.invalidateAll(account.id(), Purpose.RESET_PASSWORD))
                // An email change asked for before the password changed may be an intruder's: a
                // climber taking the account back must not find it confirmable afterwards (ASVS 7.4.3).
                .then(links.invalidateAll(account.id(), Purpose.CHANGE_EMAIL))
                .then(mailer.queue(new Email(account.email(), EmailTemplate.PASSWORD_CHANGED, account.username(),
                        properties.link("/forgot-password"), account.id())));
    }
}
