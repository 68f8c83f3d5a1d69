package dev.cruxlog.identity.application;

import java.util.Map;
import java.util.UUID;

import dev.cruxlog.identity.AccountView;
import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.application.IdentityErrors.UsernameTaken;
import dev.cruxlog.identity.application.OneTimeTokens.Purpose;
import dev.cruxlog.identity.domain.EmailAddress;
import dev.cruxlog.identity.domain.GradeSystems;
import dev.cruxlog.identity.domain.InvalidAccountInput;
import dev.cruxlog.identity.domain.SendingLimits;
import dev.cruxlog.identity.MountainProjectProfile;
import dev.cruxlog.identity.domain.Username;
import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import dev.cruxlog.notifications.Mailer;
import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.AccountErasure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A climber's own account: profile, email change, deactivation, deletion. Also identity's API for other modules. */
@Service
public class AccountService implements Accounts {


    private final UserAccounts accounts;
    private final Reauthentication reauthentication;
    private final RegistrationService registration;
    private final SignedInSessions signedInSessions;
    private final AccessTokenCutoffs cutoffs;
    private final OneTimeTokens links;
    private final AccountErasure erasure;
    private final Mailer mailer;
    private final TransactionalOperator transaction;
    private final Throttling throttle;

    public AccountService(UserAccounts accounts, Reauthentication reauthentication, RegistrationService registration,
                          SignedInSessions signedInSessions, AccessTokenCutoffs cutoffs, OneTimeTokens links,
                          AccountErasure erasure, Mailer mailer, TransactionalOperator transaction, Throttling throttle) {
        this.accounts = accounts;
        this.reauthentication = reauthentication;
        this.registration = registration;
        this.signedInSessions = signedInSessions;
        this.cutoffs = cutoffs;
        this.links = links;
        this.erasure = erasure;
        this.mailer = mailer;
        this.transaction = transaction;
        this.throttle = throttle;
    }

    @Override
    public Mono<AccountView> find(UUID accountId) {
        return accounts.findById(accountId).map(StoredAccount::toView);
    }

    /** One narrow read: the pyramid, overview and coach ask it on every request. */
    @Override
    public Mono<ClimberSettings> settings(UUID accountId) {
        return accounts.settingsOf(accountId);
    }

    @Override
    public Mono<Boolean> hasTier(UUID accountId, Tier tier) {
        return accounts.findById(accountId)
                // The roles the account acts with: ADMIN only counts with two-step sign-in on.
                .map(account -> account.toCurrentUser().roles().contains(Role.ADMIN) || account.tier().compareTo(tier) >= 0)
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> changeTier(UUID accountId, Tier tier) {
        return accounts.setTier(accountId, tier);
    }

    /**
     * A change to the profile and settings: null fields stay as they are, empty strings clear.
     *
     * @param lengthUnit "ft" or "m"
     * @param countTopRopesAndFollowsAsSends whether every send figure counts clean top ropes and follows
     */
    public record ProfileEdit(String username, String mountainProjectProfileUrl, String eightAProfileSlug,
                              Map<String, String> gradeSystems, String lengthUnit, Boolean countTopRopesAndFollowsAsSends) {
    }

    public Mono<AccountView> updateProfile(UUID accountId, ProfileEdit edit) {
        return Mono.defer(() -> {
            Username newName = edit.username() == null ? null : new Username(edit.username());
            String mpUrl = edit.mountainProjectProfileUrl() == null ? null
                    : edit.mountainProjectProfileUrl().isBlank() ? "" : mountainProjectProfile(edit.mountainProjectProfileUrl());
            String slug = edit.eightAProfileSlug() == null ? null : eightASlug(edit.eightAProfileSlug());
            Map<String, String> systems = edit.gradeSystems() == null ? null : GradeSystems.validated(edit.gradeSystems());
            String lengthUnit = edit.lengthUnit();
            String unit = lengthUnit == null ? null : dev.cruxlog.identity.LengthUnit.bySymbol(lengthUnit)
                    .map(dev.cruxlog.identity.LengthUnit::symbol)
                    .orElseThrow(() -> new InvalidAccountInput("lengthUnit", "Choose ft or m"));
            Mono<Boolean> nameFree = newName == null ? Mono.just(true)
                    : accounts.usernameTaken(newName.normalized(), accountId).map(taken -> !taken);
            return nameFree.flatMap(free -> free
                    ? accounts.updateProfile(accountId, new UserAccounts.ProfileChanges(
                            newName == null ? null : newName.value(), newName == null ? null : newName.normalized(),
                            mpUrl, slug, systems, unit, edit.countTopRopesAndFollowsAsSends()))
                    : Mono.error(new UsernameTaken()));
        }).then(find(accountId));
    }

    /** The shared profile rule, its refusal reported against the settings field it came from. */
    private static String mountainProjectProfile(String input) {
        try {
            return MountainProjectProfile.parse(input).url();
        } catch (IllegalArgumentException e) {
            throw new InvalidAccountInput("mountainProjectProfileUrl", e.getMessage());
        }
    }

    /** The shared 8a.nu profile rule (a name or an address); blank clears the setting. */
    private static String eightASlug(String input) {
        if (input.isBlank()) {
            return "";
        }
        try {
            return dev.cruxlog.identity.EightAProfile.parse(input).slug();
        } catch (IllegalArgumentException e) {
            throw new InvalidAccountInput("eightAProfileSlug", e.getMessage());
        }
    }

    /** Sends a confirmation link to the new address; the change happens when it is followed. */
    public Mono<Void> requestEmailChange(UUID accountId, String password, String newEmail) {
        return Mono.defer(() -> {
            EmailAddress address = new EmailAddress(newEmail);
            return reauthentication.confirm(accountId, password)
                    .flatMap(account -> throttle.check(SendingLimits.EMAIL_CHANGE_MAILS, address.normalized()).thenReturn(account))
                    .flatMap(account -> accounts.emailTaken(address.normalized())
                            .flatMap(taken -> taken ? Mono.<Void>empty()
                                    : transaction.transactional(links.invalidateAll(accountId, Purpose.CHANGE_EMAIL)
                                            .then(registration.sendVerification(accountId, address.value(),
                                                    account.username(), Purpose.CHANGE_EMAIL)))));
        });
    }

    /** Switches the account off: no sign-in, every session and token revoked. Data stays. */
    public Mono<Void> deactivate(UUID accountId, String password) {
        return reauthentication.confirm(accountId, password)
                .flatMap(account -> transaction.transactional(accounts.setActive(accountId, false)
                        .then(signedInSessions.signOutEverywhere(accountId, null))));
    }

    /**
     * Deletes the account and, through {@link AccountErasure}, every row any module keeps
     * for it, in one transaction. A goodbye email is queued without an owner, so it
     * survives the erasure it reports.
     */
    public Mono<Void> delete(UUID accountId, String password) {
        return reauthentication.confirm(accountId, password)
                // The cutoff first, so every instance stops serving the account's tokens once it commits.
                .flatMap(account -> transaction.transactional(cutoffs.cut(accountId)
                        .then(erasure.publish(new AccountErased(accountId)))
                        .then(accounts.delete(accountId))
                        .then(mailer.queue(new Email(account.email(), EmailTemplate.ACCOUNT_DELETED, account.username(),
                                null, null)))));
    }

    /**
     * Erases a guest (sample) account and everything it holds, as a deletion does, without the
     * goodbye email (its address is on a reserved domain that receives nothing).
     */
    public Mono<Void> eraseGuest(UUID accountId) {
        return transaction.transactional(erasure.publish(new AccountErased(accountId)).then(accounts.delete(accountId)));
    }
}
