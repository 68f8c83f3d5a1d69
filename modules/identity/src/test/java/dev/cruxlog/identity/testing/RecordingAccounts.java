package dev.cruxlog.identity.testing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cruxlog.identity.AccountView;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.LengthUnit;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.web.GuestAccounts;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Identity's APIs as other modules call them, in memory: every climber exists, active, on the
 * defaults (free, leads and boulders counted as sends) until a tier is changed; every tier change
 * is recorded, and a climber's tier is their last change. Sample-logbook guests are not part of a slice.
 */
public class RecordingAccounts implements Accounts, GuestAccounts {

    private record TierChange(UUID accountId, Tier tier) {
    }

    private final List<TierChange> tierChanges = new CopyOnWriteArrayList<>();

    @Override
    public Mono<AccountView> find(UUID accountId) {
        return Mono.fromSupplier(() -> new AccountView(accountId, "climber", "climber@example.test", true, tier(accountId),
                Set.of(Role.USER), true, null, null, Map.of(), LengthUnit.FEET, false, OffsetDateTime.now()));
    }

    @Override
    public Mono<Boolean> hasTier(UUID accountId, Tier tier) {
        return Mono.fromSupplier(() -> tier(accountId) == tier);
    }

    @Override
    public Mono<Void> changeTier(UUID accountId, Tier tier) {
        return Mono.fromRunnable(() -> tierChanges.add(new TierChange(accountId, tier)));
    }

    @Override
    public Mono<UUID> startGuestSession(ServerWebExchange exchange) {
        return Mono.error(new UnsupportedOperationException("no sample-logbook guests in a module slice"));
    }

    /** The tier changes asked for one climber, in order. */
    public List<Tier> tierChangesOf(UUID accountId) {
        return tierChanges.stream().filter(change -> change.accountId().equals(accountId)).map(TierChange::tier).toList();
    }

    private Tier tier(UUID accountId) {
        List<Tier> changes = tierChangesOf(accountId);
        return changes.isEmpty() ? Tier.FREE : changes.get(changes.size() - 1);
    }
}
