package dev.cruxlog.billing.adapter.out.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cruxlog.billing.application.StripeEvents.StripeEvent;
import dev.cruxlog.billing.domain.StripeSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Stripe's event JSON as its API sends it, read into what billing acts on. */
class StripeEventJsonTest {

    private final StripeEventJson events = new StripeEventJson(JsonMapper.builder().build());

    @Test
    void aSubscriptionEventNamesItsSubscriptionByTheObjectsOwnId() {
        StripeEvent event = events.read("""
                {"id": "evt_1", "type": "customer.subscription.updated",
                 "data": {"object": {"id": "sub_1", "object": "subscription", "customer": "cus_1"}}}""");

        assertThat(event).isEqualTo(new StripeEvent("evt_1", "customer.subscription.updated",
                java.util.Optional.of("cus_1"), java.util.Optional.of("sub_1")));
    }

    @Test
    void aCheckoutSessionNamesItsSubscriptionAndMayExpandItsCustomer() {
        StripeEvent event = events.read("""
                {"id": "evt_2", "type": "checkout.session.completed",
                 "data": {"object": {"id": "cs_1", "subscription": "sub_2", "customer": {"id": "cus_2", "object": "customer"}}}}""");

        assertThat(event.customerId()).contains("cus_2");
        assertThat(event.subscriptionId()).contains("sub_2");
    }

    @Test
    void anInvoiceOfTheCurrentApiNamesItsSubscriptionUnderItsParent() {
        StripeEvent event = events.read("""
                {"id": "evt_3", "type": "invoice.paid",
                 "data": {"object": {"id": "in_1", "customer": "cus_3",
                                     "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_3"}}}}}""");

        assertThat(event.subscriptionId()).contains("sub_3");
    }

    @Test
    void blankOrMissingNamesAreAbsentNotEmptyStrings() {
        StripeEvent event = events.read("""
                {"id": "evt_4", "type": "invoice.payment_failed", "data": {"object": {"customer": "", "subscription": null}}}""");

        assertThat(event.customerId()).isEmpty();
        assertThat(event.subscriptionId()).isEmpty();
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> events.read("not json at all"))
                .isInstanceOf(StripeSignature.Invalid.class).hasMessage("The payload is not JSON");
        assertThatThrownBy(() -> events.read("{\"id\": \"evt_5\"}"))
                .isInstanceOf(StripeSignature.Invalid.class).hasMessage("The payload is not a Stripe event");
        assertThatThrownBy(() -> events.read("[1, 2]"))
                .isInstanceOf(StripeSignature.Invalid.class).hasMessage("The payload is not a Stripe event");
    }
}
