package dev.cruxlog.billing.config;

import java.util.List;

import dev.cruxlog.billing.adapter.out.stripe.WebClientStripeApi;
import dev.cruxlog.billing.application.BillingSettings;
import dev.cruxlog.billing.application.Plan;
import dev.cruxlog.billing.application.StripeApi;
import dev.cruxlog.platform.database.ModuleSchema;
import dev.cruxlog.platform.web.PublicPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    ModuleSchema billingSchema() {
        return new ModuleSchema("billing");
    }

    @Bean
    GroupedOpenApi billingApi() {
        return GroupedOpenApi.builder().group("billing").pathsToMatch("/api/v1/billing/**").build();
    }

    @Bean
    PublicPaths billingPublicPaths() {
        return PublicPaths.of("/pricing", "/api/v1/billing/plans");
    }

    /** Stripe authenticates itself with the signature, not a session: no CSRF token, no sign-in. */
    @Bean
    PublicPaths billingWebhookPath() {
        return PublicPaths.csrfExempt("/api/v1/billing/webhook");
    }

    /** On when the secret key, the webhook secret and at least one plan's price id are set. */
    @Bean
    BillingSettings billingSettings(BillingProperties properties,
                                    @Value("${cruxlog.identity.public-url:http://localhost:8080}") String publicUrl) {
        List<Plan> plans = properties.plans().entrySet().stream()
                .filter(entry -> BillingProperties.set(entry.getValue().priceId()))
                .map(entry -> plan(entry.getKey(), entry.getValue()))
                .toList();
        boolean enabled = BillingProperties.set(properties.stripe().secretKey())
                && BillingProperties.set(properties.stripe().webhookSecret()) && !plans.isEmpty();
        if (!enabled) {
            log.info("Billing is off: set cruxlog.billing.stripe.secret-key, .webhook-secret and a plan's price-id to turn it on");
        }
        return new BillingSettings(enabled, enabled ? plans : List.of(), publicUrl.replaceAll("/+$", ""),
                properties.stripe().webhookSecret(), properties.stripe().webhookTolerance());
    }

    @Bean
    StripeApi stripeApi(WebClient.Builder builder, JsonMapper json, BillingProperties properties) {
        BillingProperties.Stripe stripe = properties.stripe();
        return new WebClientStripeApi(builder, json, stripe.apiBase(),
                stripe.secretKey() == null ? "" : stripe.secretKey(), stripe.timeout());
    }

    private static Plan plan(String id, BillingProperties.PlanProperties properties) {
        return new Plan(id, properties.priceId(), properties.monthlyPrice(),
                properties.currency() == null ? "usd" : properties.currency(),
                properties.displayName() == null ? Character.toUpperCase(id.charAt(0)) + id.substring(1) : properties.displayName());
    }
}
