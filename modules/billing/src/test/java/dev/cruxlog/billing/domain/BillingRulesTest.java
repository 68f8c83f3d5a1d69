package dev.cruxlog.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingRulesTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aSignatureMadeWithTheSecretOverTheRawBodyIsAccepted() {
        String header = StripeSignature.header(BODY, "whsec_test", NOW.minusSeconds(10));
        StripeSignature.verify(BODY, header, "whsec_test", NOW, StripeSignature.DEFAULT_TOLERANCE);
        // Several v1 values while a secret rolls: any one matching is enough.
        String rolled = header.replace(",v1=", ",v1=00ff,v1=");
        StripeSignature.verify(BODY, rolled, "whsec_test", NOW, StripeSignature.DEFAULT_TOLERANCE);
    }

    @Test
    void wrongSecretsChangedBodiesStaleTimestampsAndJunkAreRefused() {
        String header = StripeSignature.header(BODY, "whsec_test", NOW);
        assertThatThrownBy(() -> StripeSignature.verify(BODY, header, "whsec_other", NOW, Duration.ofSeconds(300)))
                .isInstanceOf(StripeSignature.Invalid.class).hasMessageContaining("No Stripe-Signature matches");
        byte[] changed = "{\"id\":\"evt_1\",\"type\":\"invoice.paid \"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StripeSignature.verify(changed, header, "whsec_test", NOW, Duration.ofSeconds(300)))
                .isInstanceOf(StripeSignature.Invalid.class);
        String stale = StripeSignature.header(BODY, "whsec_test", NOW.minusSeconds(301));
        assertThatThrownBy(() -> StripeSignature.verify(BODY, stale, "whsec_test", NOW, Duration.ofSeconds(300)))
                .hasMessageContaining("tolerance");
        for (String junk : new String[] {null, "", "t=abc,v1=00", "v1=00", "t=1"}) {
            assertThatThrownBy(() -> StripeSignature.verify(BODY, junk, "whsec_test", NOW, Duration.ofSeconds(300)))
                    .isInstanceOf(StripeSignature.Invalid.class);
        }
    }

    @ParameterizedTest(name = "{0} (cancel at period end {1}) -> {2}")
    @CsvSource({"active, false, ACTIVE", "trialing, false, ACTIVE", "active, true, CANCELING", "past_due, false, PAST_DUE",
            "unpaid, false, PAST_DUE", "incomplete, false, INCOMPLETE", "canceled, false, CANCELED",
            "incomplete_expired, false, CANCELED"})
    void stripeStatusesMapToStates(String status, boolean cancelAtPeriodEnd, SubscriptionState expected) {
        assertThat(SubscriptionState.fromStripe(status, cancelAtPeriodEnd)).isEqualTo(expected);
    }

    @Test
    void transitionsAreExplicitAndCancelledIsFinal() {
        assertThat(SubscriptionState.INCOMPLETE.canMoveTo(SubscriptionState.ACTIVE)).isTrue();
        assertThat(SubscriptionState.ACTIVE.canMoveTo(SubscriptionState.CANCELING)).isTrue();
        assertThat(SubscriptionState.CANCELING.canMoveTo(SubscriptionState.ACTIVE)).as("resumed before the end").isTrue();
        assertThat(SubscriptionState.ACTIVE.canMoveTo(SubscriptionState.INCOMPLETE)).isFalse();
        for (SubscriptionState next : SubscriptionState.values()) {
            assertThat(SubscriptionState.CANCELED.canMoveTo(next)).isEqualTo(next == SubscriptionState.CANCELED);
        }
    }

    @Test
    void premiumLastsWhilePayingOrRetryingOrCancelledUntilThePeriodEnds() {
        Instant later = NOW.plus(Duration.ofDays(10));
        assertThat(Entitlement.premium(SubscriptionState.ACTIVE, later, NOW)).isTrue();
        assertThat(Entitlement.premium(SubscriptionState.PAST_DUE, later, NOW)).isTrue();
        assertThat(Entitlement.premium(SubscriptionState.CANCELING, later, NOW)).isTrue();
        assertThat(Entitlement.premium(SubscriptionState.CANCELING, NOW.minusSeconds(1), NOW)).isFalse();
        assertThat(Entitlement.premium(SubscriptionState.INCOMPLETE, later, NOW)).isFalse();
        assertThat(Entitlement.premium(SubscriptionState.CANCELED, later, NOW)).isFalse();
    }

    @Test
    void aLateOrStrayReportDoesNotOverwriteWhatIsStored() {
        Instant nextMonth = NOW.plus(Duration.ofDays(30));
        SubscriptionChange.Stored active = new SubscriptionChange.Stored("sub_A", SubscriptionState.ACTIVE, nextMonth);
        SubscriptionChange.Stored canceled = new SubscriptionChange.Stored("sub_A", SubscriptionState.CANCELED, NOW);

        assertThat(SubscriptionChange.refusal(null, "sub_A", SubscriptionState.ACTIVE, NOW)).isEmpty();
        assertThat(SubscriptionChange.refusal(active, "sub_A", SubscriptionState.PAST_DUE, NOW)).isEmpty();
        assertThat(SubscriptionChange.refusal(canceled, "sub_A", SubscriptionState.ACTIVE, NOW))
                .hasValue("refused: canceled -> active is not an allowed transition");
        // An old subscription's cancellation, arriving after a new one started, leaves the new one alone...
        assertThat(SubscriptionChange.refusal(active, "sub_OLD", SubscriptionState.CANCELED, NOW))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("ignored: an ended subscription sub_OLD"));
        // ...but a new subscription replaces one that no longer gives premium.
        assertThat(SubscriptionChange.refusal(canceled, "sub_NEW", SubscriptionState.ACTIVE, NOW)).isEmpty();
    }
}
