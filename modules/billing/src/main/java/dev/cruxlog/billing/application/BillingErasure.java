package dev.cruxlog.billing.application;


import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import dev.cruxlog.platform.jobs.JobQueue;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deleting an account deletes its billing rows and, in the same transaction, queues the
 * cancellation of a running Stripe subscription, so the climber is never charged again even
 * if Stripe is down at that moment (the job retries).
 */
@Component
class BillingErasure implements ErasesAccountData {

    static final String CANCEL_JOB = "billing.cancel-subscription";

    private final BillingRecords records;
    private final JobQueue jobs;

    BillingErasure(BillingRecords records, JobQueue jobs) {
        this.records = records;
        this.jobs = jobs;
    }

    @Override
    public String module() {
        return "billing";
    }

    @Override
    public Mono<Void> erase(AccountErased event) {
        return records.subscription(event.ownerId())
                .filter(subscription -> subscription.state() != dev.cruxlog.billing.domain.SubscriptionState.CANCELED)
                .flatMap(subscription -> jobs.enqueue(CANCEL_JOB, new CancelSubscriptionJob.Payload(subscription.subscriptionId())))
                .then(records.eraseOwnedBy(event.ownerId()));
    }
}
