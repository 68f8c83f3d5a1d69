package dev.cruxlog.identity.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.identity.Tier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Out-port: the account table. Lookups take normalised (lower-case) emails and usernames. */
public interface UserAccounts {

    /** Empty when the email or username is already taken (a concurrent sign-up won the race). */
    Mono<StoredAccount> insert(String email, String emailNormalized, String username, String usernameNormalized,
                               String passwordHash);

    Mono<StoredAccount> findById(UUID id);

    /** The account's logbook settings, read alone (empty when there is no such account). */
    Mono<ClimberSettings> settingsOf(UUID id);

    /** By normalised email or username. */
    Mono<StoredAccount> findByLogin(String normalizedLogin);

    Mono<StoredAccount> findByEmail(String normalizedEmail);

    Mono<Boolean> usernameTaken(String normalizedUsername, UUID except);

    Mono<Boolean> emailTaken(String normalizedEmail);

    Mono<Void> updatePassword(UUID id, String passwordHash);

    /**
     * Gives a guest account (its address ending in {@code guestDomain}) a climber's address,
     * username and password, unconfirmed; false when it is no guest, or the address or username
     * is someone else's by now.
     */
    Mono<Boolean> claimGuest(UUID id, String guestDomain, String email, String emailNormalized, String username,
                             String usernameNormalized, String passwordHash);

    Mono<Void> markEmailVerified(UUID id);

    /** False when another account took the address in the meantime. */
    Mono<Boolean> changeEmail(UUID id, String email, String emailNormalized);

    Mono<Void> updateProfile(UUID id, ProfileChanges changes);

    Mono<Void> setActive(UUID id, boolean active);

    /**
     * Access tokens issued before that moment count no more: writes check the account, reads
     * {@link AccessTokenCutoffs}, which every instance hears of when the change commits.
     */
    Mono<Void> revokeAccessTokens(UUID id, Instant from);

    /** The cutoffs made within the last {@code within} (an access token's lifetime). */
    Flux<TokenCutoff> recentAccessTokenCutoffs(java.time.Duration within);

    record TokenCutoff(UUID accountId, Instant cutoff) {
    }

    /** Whether the account exists, is active, and accepts access tokens issued at that time. */
    Mono<Boolean> acceptsAccessTokenIssuedAt(UUID id, Instant issuedAt);

    Mono<Void> setTier(UUID id, Tier tier);

    /**
     * Locks the account's row until the transaction ends: a refresh-token rotation and a "sign out
     * everywhere" of the same account take it first, so one waits for the other. Without it a
     * rotation could insert a token the sign-out's UPDATE never saw.
     */
    Mono<Void> lockSignIns(UUID id);

    /** A successful sign-in, from that client address. */
    Mono<Void> recordLogin(UUID id, String clientAddress);

    /** Forgets where the account signed in from (its password changed: an intruder's address must not stay trusted). */
    Mono<Void> forgetSignInAddresses(UUID id);

    /** Whether the account signed in successfully from that address within {@code within}. */
    Mono<Boolean> signedInFrom(UUID id, String clientAddress, java.time.Duration within);

    Mono<Void> delete(UUID id);

    /** Guest accounts (by their reserved address) created before the cutoff, oldest first. */
    Flux<UUID> guestsCreatedBefore(Instant cutoff, String guestEmailDomain, int limit);

    /**
     * Fields to change; null leaves a field as it is, an empty string clears it.
     */
    record ProfileChanges(String username, String usernameNormalized, String mountainProjectProfileUrl,
                          String eightAProfileSlug, Map<String, String> gradeSystems, String lengthUnit,
                          Boolean countTopRopesAndFollowsAsSends) {
    }
}
