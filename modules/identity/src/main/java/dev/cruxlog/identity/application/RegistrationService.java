package dev.cruxlog.identity.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.cruxlog.identity.application.IdentityErrors.InvalidLink;
import dev.cruxlog.identity.application.IdentityErrors.NotAGuest;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.IdentityErrors.UsernameTaken;
import dev.cruxlog.identity.application.OneTimeTokens.Purpose;
import dev.cruxlog.identity.domain.EmailAddress;
import dev.cruxlog.identity.domain.InvalidAccountInput;
import dev.cruxlog.identity.domain.SendingLimits;
import dev.cruxlog.identity.domain.Username;
import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sign-up and email verification.
 *
 * <p>The API's registration answers the same way whether or not the email already has an
 * account (the owner of an existing account gets an email instead), so it cannot be used to
 * find out who uses Cruxlog. Both paths hash the password first, so they also take about the
 * same time. Usernames are public handles, so a taken one is reported. The sign-up page signs a
 * new climber straight in ({@link Registration.Created}); docs/security.md says what that tells.
 */
@Service
public class RegistrationService {

    static final Duration VERIFY_LINK_LIFETIME = Duration.ofDays(2);
    static final int RESENDS_PER_HOUR = 3;
    /** Every guest's address ends so; no real address can (RFC 2606 reserves .invalid). */
    public static final String GUEST_EMAIL_DOMAIN = dev.cruxlog.identity.CurrentUser.GUEST_EMAIL_DOMAIN;

    private final UserAccounts accounts;
    private final OneTimeTokens links;
    private final PasswordHasher hasher;
    private final PasswordScreening screening;
    private final RandomTokens random;
    private final Mailer mailer;
    private final TransactionalOperator transaction;
    private final IdentityProperties properties;
    private final Throttling throttle;

    public RegistrationService(UserAccounts accounts, OneTimeTokens links, PasswordHasher hasher, PasswordScreening screening,
                               RandomTokens random, Mailer mailer, TransactionalOperator transaction,
                               IdentityProperties properties, Throttling throttle) {
        this.accounts = accounts;
        this.links = links;
        this.hasher = hasher;
        this.screening = screening;
        this.random = random;
        this.mailer = mailer;
        this.transaction = transaction;
        this.properties = properties;
        this.throttle = throttle;
    }

    /** A new account, unconfirmed; or, for an address that has one, its owner told (see above). */
    public Mono<Registration> register(String emailInput, String usernameInput, String password, String clientAddress) {
        return throttle.check(SendingLimits.SIGN_UPS, clientAddress)
                .then(Mono.defer(() -> checked(emailInput, usernameInput, password)))
                .flatMap(input -> hasher.hash(password).flatMap(hash -> transaction.transactional(
                        accounts.insert(input.email().value(), input.email().normalized(), input.username().value(),
                                        input.username().normalized(), hash)
                                .flatMap(created -> sendVerification(created.id(), input.email().value(), created.username(),
                                        Purpose.VERIFY_EMAIL).thenReturn((Registration) new Registration.Created(created.id())))
                                .switchIfEmpty(Mono.defer(() -> tellOwnerTheyHaveAnAccount(input.email())
                                        .thenReturn(new Registration.AddressKnown()))))));
    }

    /**
     * A guest keeps the sample logbook as their own account: the address, username and password
     * they choose replace the guest's (its data stays where it is, under the same id), and the
     * address is confirmed by its link, as after a sign-up. Only a guest can be kept; an address
     * that has an account already is refused at its field.
     */
    public Mono<Void> keepGuest(UUID guestId, String emailInput, String usernameInput, String password) {
        return accounts.findById(guestId)
                .filter(account -> account.email().endsWith(GUEST_EMAIL_DOMAIN))
                .switchIfEmpty(Mono.error(new NotAGuest()))
                .then(Mono.defer(() -> checked(emailInput, usernameInput, password)))
                .flatMap(input -> hasher.hash(password).flatMap(hash -> transaction.transactional(
                        // The conditional update decides: only a guest, only an address and username nobody has.
                        accounts.claimGuest(guestId, GUEST_EMAIL_DOMAIN, input.email().value(), input.email().normalized(),
                                        input.username().value(), input.username().normalized(), hash)
                                .flatMap(claimed -> claimed
                                        ? sendVerification(guestId, input.email().value(), input.username().value(),
                                                Purpose.VERIFY_EMAIL)
                                        : Mono.error(new InvalidAccountInput("email", ADDRESS_HAS_AN_ACCOUNT))))));
    }

    static final String ADDRESS_HAS_AN_ACCOUNT = "This address already has a Cruxlog account. Sign in with it, or use another.";

    private record NewAccountInput(EmailAddress email, Username username) {
    }

    /**
     * Every field checked before anything is answered, so a form can mark all its mistakes at once
     * ({@link InvalidAccountInput#all}); the breach corpus is asked only about a password the
     * policy accepts, as always. Then the username, a public handle, must be free.
     */
    private Mono<NewAccountInput> checked(String emailInput, String usernameInput, String password) {
        List<InvalidAccountInput> problems = new ArrayList<>();
        EmailAddress email = parsed(problems, () -> new EmailAddress(emailInput));
        Username username = parsed(problems, () -> new Username(usernameInput));
        String[] personalWords = {username != null ? username.value() : String.valueOf(usernameInput),
                email != null ? email.value() : String.valueOf(emailInput)};
        return screening.check("password", password, personalWords)
                .onErrorResume(InvalidAccountInput.class, problem -> {
                    problems.add(problem);
                    return Mono.empty();
                })
                .then(Mono.defer(() -> problems.isEmpty() ? accounts.usernameTaken(username.normalized(), null)
                        : Mono.<Boolean>error(InvalidAccountInput.all(problems))))
                .flatMap(taken -> taken ? Mono.error(new UsernameTaken()) : Mono.just(new NewAccountInput(email, username)));
    }

    /** The value, or null with its problem added to {@code problems}. */
    private static <T> T parsed(List<InvalidAccountInput> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidAccountInput problem) {
            problems.add(problem);
            return null;
        }
    }

    /**
     * Nothing was inserted: the email (or, in a race, the username) is taken. The owner hears
     * of it a few times an hour at most; beyond that, quietly not at all, so the answer still
     * says nothing about who has an account.
     */
    private Mono<StoredAccount> tellOwnerTheyHaveAnAccount(EmailAddress email) {
        return accounts.findByEmail(email.normalized())
                .flatMap(existing -> throttle.allows(SendingLimits.ACCOUNT_EXISTS_MAILS, email.normalized())
                        .flatMap(allowed -> allowed ? mailer.queue(new Email(existing.email(), EmailTemplate.ACCOUNT_EXISTS,
                                existing.username(), properties.link("/forgot-password"), existing.id())) : Mono.<Void>empty())
                        .thenReturn(existing))
                // Only the username lost the race: report it like any taken username.
                .switchIfEmpty(Mono.error(new UsernameTaken()));
    }

    Mono<Void> sendVerification(UUID accountId, String address, String name, Purpose purpose) {
        return random.next().flatMap(token -> links.insert(token.hash(), accountId, purpose,
                        purpose == Purpose.CHANGE_EMAIL ? address : null, VERIFY_LINK_LIFETIME)
                .then(mailer.queue(new Email(address,
                        purpose == Purpose.CHANGE_EMAIL ? EmailTemplate.CONFIRM_NEW_EMAIL : EmailTemplate.VERIFY_EMAIL,
                        name, properties.link("/verify-email?token=" + token.value()), accountId))));
    }

    /** Confirms an address: a new account's, or the new one of an email change. */
    public Mono<UUID> verifyEmail(String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(new InvalidLink());
        }
        byte[] hash = dev.cruxlog.identity.domain.SecretToken.hash(token);
        return transaction.transactional(links.consume(hash, Purpose.VERIFY_EMAIL)
                .flatMap(consumed -> welcome(consumed.accountId()))
                .switchIfEmpty(Mono.defer(() -> links.consume(hash, Purpose.CHANGE_EMAIL)
                        .flatMap(consumed -> applyEmailChange(consumed))))
                .switchIfEmpty(Mono.error(new InvalidLink())));
    }

    /**
     * Marks a new account's address confirmed and, the first time only (a second link from a
     * resend confirms nothing new), sends the welcome: how to bring a logbook in.
     */
    private Mono<UUID> welcome(UUID accountId) {
        return accounts.findById(accountId)
                .flatMap(account -> account.emailVerified() ? Mono.just(accountId)
                        : accounts.markEmailVerified(accountId)
                                .then(mailer.queue(new Email(account.email(), EmailTemplate.WELCOME, account.username(),
                                        properties.link("/logbook/import"), accountId)))
                                .thenReturn(accountId));
    }

    private Mono<UUID> applyEmailChange(OneTimeTokens.Consumed consumed) {
        EmailAddress address = new EmailAddress(consumed.newEmail());
        return accounts.changeEmail(consumed.accountId(), address.value(), address.normalized())
                .flatMap(changed -> changed
                        ? accounts.markEmailVerified(consumed.accountId()).thenReturn(consumed.accountId())
                        : Mono.error(new IdentityErrors.EmailTaken()));
    }

    /**
     * A guest account for trying Cruxlog: random name and password nobody knows, an address
     * on the reserved {@code .invalid} domain (RFC 2606) so no email ever leaves, verified.
     */
    public Mono<UUID> createGuest(String clientAddress) {
        return throttle.check(SendingLimits.GUESTS, clientAddress).then(random.next().zipWith(random.next(), (name, password) -> {
            String suffix = name.value().replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT)
                    .substring(0, 10);
            String username = "guest-" + suffix;
            String email = username + GUEST_EMAIL_DOMAIN;
            return hasher.hash(password.value())
                    .flatMap(hash -> transaction.transactional(accounts.insert(email, email, username, username, hash)
                            .flatMap(created -> accounts.markEmailVerified(created.id()).thenReturn(created.id()))));
        })).flatMap(creating -> creating);
    }

    /** Sends a fresh verification link, at most a few times an hour. */
    public Mono<Void> resendVerification(UUID accountId) {
        return accounts.findById(accountId)
                .filter(account -> !account.emailVerified())
                .flatMap(account -> transaction.transactional(links.lockIssuing(accountId, Purpose.VERIFY_EMAIL)
                        .then(links.countIssuedSince(accountId, Purpose.VERIFY_EMAIL, Duration.ofHours(1)))
                        .flatMap(recent -> recent >= RESENDS_PER_HOUR
                                ? Mono.error(new TooManyAttempts(Duration.ofHours(1)))
                                : sendVerification(accountId, account.email(), account.username(), Purpose.VERIFY_EMAIL))));
    }
}
