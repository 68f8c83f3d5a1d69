package dev.cruxlog.billing.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.cruxlog.billing.application.BillingRecords;
import dev.cruxlog.billing.domain.SubscriptionState;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcBillingRecords implements BillingRecords {

    private final DatabaseClient db;

    R2dbcBillingRecords(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<String> customerOf(UUID owner) {
        return db.sql("SELECT stripe_customer_id FROM billing.customer WHERE owner_id = :owner").bind("owner", owner)
                .map(row -> row.get("stripe_customer_id", String.class)).one();
    }

    @Override
    public Mono<UUID> ownerOfCustomer(String customerId) {
        return db.sql("SELECT owner_id FROM billing.customer WHERE stripe_customer_id = :customer").bind("customer", customerId)
                .map(row -> row.get("owner_id", UUID.class)).one();
    }

    @Override
    public Mono<String> saveCustomer(UUID owner, String customerId) {
        return db.sql("INSERT INTO billing.customer (owner_id, stripe_customer_id) VALUES (:owner, :customer) "
                        + "ON CONFLICT (owner_id) DO NOTHING")
                .bind("owner", owner).bind("customer", customerId).then()
                .then(customerOf(owner));
    }

    @Override
    public Mono<Subscription> subscription(UUID owner) {
        return db.sql("SELECT stripe_subscription_id, plan, state, stripe_status, current_period_end, cancel_at_period_end "
                        + "FROM billing.subscription WHERE owner_id = :owner")
                .bind("owner", owner)
                .map(row -> {
                    OffsetDateTime end = row.get("current_period_end", OffsetDateTime.class);
                    return new Subscription(row.get("stripe_subscription_id", String.class), row.get("plan", String.class),
                            SubscriptionState.fromColumn(row.get("state", String.class)), row.get("stripe_status", String.class),
                            end == null ? null : end.toInstant(), Boolean.TRUE.equals(row.get("cancel_at_period_end", Boolean.class)));
                })
                .one();
    }

    @Override
    public Mono<Void> saveSubscription(UUID owner, Subscription subscription) {
        Instant end = subscription.currentPeriodEnd();
        return db.sql("""
                        INSERT INTO billing.subscription (owner_id, stripe_subscription_id, plan, state, stripe_status,
                                                          current_period_end, cancel_at_period_end)
                        VALUES (:owner, :subscription, :plan, :state, :status, :end, :cancel)
                        ON CONFLICT (owner_id) DO UPDATE SET stripe_subscription_id = EXCLUDED.stripe_subscription_id,
                            plan = EXCLUDED.plan, state = EXCLUDED.state, stripe_status = EXCLUDED.stripe_status,
                            current_period_end = EXCLUDED.current_period_end,
                            cancel_at_period_end = EXCLUDED.cancel_at_period_end, updated_at = now()""")
                .bind("owner", owner).bind("subscription", subscription.subscriptionId())
                .bind("plan", Parameter.fromOrEmpty(subscription.plan(), String.class))
                .bind("state", subscription.state().column()).bind("status", subscription.stripeStatus())
                .bind("end", Parameter.fromOrEmpty(end == null ? null : end.atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("cancel", subscription.cancelAtPeriodEnd())
                .then();
    }

    @Override
    public Mono<Boolean> recordEvent(String eventId, String type, String payload) {
        return db.sql("INSERT INTO billing.webhook_event (event_id, type, payload) VALUES (:id, :type, CAST(:payload AS jsonb)) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .bind("id", eventId).bind("type", type).bind("payload", payload)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    @Override
    public Mono<String> eventPayload(String eventId) {
        return db.sql("SELECT payload::text AS payload FROM billing.webhook_event WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get("payload", String.class)).one();
    }

    @Override
    public Mono<Void> eventProcessed(String eventId, String outcome) {
        return db.sql("UPDATE billing.webhook_event SET processed_at = now(), outcome = :outcome WHERE event_id = :id")
                .bind("id", eventId).bind("outcome", outcome).then();
    }

    @Override
    public Mono<String> eventOutcome(String eventId) {
        return db.sql("SELECT outcome FROM billing.webhook_event WHERE event_id = :id AND processed_at IS NOT NULL")
                .bind("id", eventId).map(row -> row.get("outcome", String.class)).one();
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM billing.webhook_event WHERE payload -> 'data' -> 'object' ->> 'customer' IN "
                        + "(SELECT stripe_customer_id FROM billing.customer WHERE owner_id = :owner)")
                .bind("owner", owner).then()
                .then(db.sql("DELETE FROM billing.subscription WHERE owner_id = :owner").bind("owner", owner).then())
                .then(db.sql("DELETE FROM billing.customer WHERE owner_id = :owner").bind("owner", owner).then());
    }
}
