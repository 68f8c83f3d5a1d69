package dev.cruxlog.billing.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cruxlog.billing.*}: Stripe's address and secrets, and the plans
 * ({@code cruxlog.billing.plans.<plan>.price-id}, {@code .monthly-price}, {@code .display-name}).
 */
@ConfigurationProperties("cruxlog.billing")
record BillingProperties(Stripe stripe, Map<String, PlanProperties> plans) {

    BillingProperties {
        stripe = stripe == null ? new Stripe(null, null, null, null, null) : stripe;
        plans = plans == null ? Map.of() : new LinkedHashMap<>(plans);
    }

    record Stripe(String apiBase, String secretKey, String webhookSecret, Duration timeout, Duration webhookTolerance) {

        Stripe {
            apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
            timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
            webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        }
    }

    record PlanProperties(String priceId, BigDecimal monthlyPrice, String currency, String displayName) {
    }

    static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
