package dev.cruxlog.billing.application;

import dev.cruxlog.billing.domain.SubscriptionState;
import dev.cruxlog.platform.web.PageNotices;
import dev.cruxlog.platform.web.SignedInUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The banner on every page while a renewal payment is failing, with the way to fix it. */
@Component
class PaymentNotices implements PageNotices {

    private final BillingRecords records;

    PaymentNotices(BillingRecords records) {
        this.records = records;
    }

    @Override
    public Flux<Notice> forUser(SignedInUser user) {
        return records.subscription(user.id())
                .filter(subscription -> subscription.state() == SubscriptionState.PAST_DUE)
                .map(subscription -> new Notice("Your last premium payment failed; Stripe will try again, and premium "
                        + "continues meanwhile.", "Update your card", "/billing/portal"))
                .flux();
    }
}
