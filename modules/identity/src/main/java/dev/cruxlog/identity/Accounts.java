package dev.cruxlog.identity;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Identity's API for other modules: who an account is and what it may do, without
 * reading identity's tables.
 */
public interface Accounts {

    Mono<AccountView> find(UUID accountId);

    /**
     * The account's logbook settings alone (empty when there is no such account): what pages and
     * figures read on every request, without the rest of the account.
     */
    default Mono<ClimberSettings> settings(UUID accountId) {
        return find(accountId).map(AccountView::settings);
    }

    /** "May this user do X": premium features ask this. Admins have every tier's rights. */
    Mono<Boolean> hasTier(UUID accountId, Tier tier);

    /** Billing's lever: only from verified payment-provider state, never from a user request. */
    Mono<Void> changeTier(UUID accountId, Tier tier);
}
