package dev.cruxlog.billing.adapter.out.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.cruxlog.billing.application.BillingUnavailable;
import dev.cruxlog.billing.application.StripeApi;
import io.netty.channel.ChannelOption;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's REST API over WebClient, form-encoded as Stripe expects (stripe-java's HTTP client
 * blocks, so it is not used). Every POST carries an idempotency key, so the retries of a 429,
 * a 5xx or a dropped connection can never create a second customer or session.
 */
public class WebClientStripeApi implements StripeApi {

    private final WebClient client;
    private final JsonMapper json;

    public WebClientStripeApi(WebClient.Builder builder, JsonMapper json, String apiBase, String secretKey, Duration timeout) {
        this.json = json;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
        this.client = builder.clone()
                .baseUrl(apiBase.replaceAll("/+$", ""))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secretKey)
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    @Override
    public Mono<String> createCustomer(UUID owner, String email, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", email);
        form.add("metadata[user_id]", owner.toString());
        return post("/v1/customers", form, idempotencyKey).map(body -> body.path("id").asString());
    }

    @Override
    public Mono<CheckoutSession> createCheckoutSession(CheckoutRequest request, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("mode", "subscription");
        form.add("customer", request.customerId());
        form.add("line_items[0][price]", request.priceId());
        form.add("line_items[0][quantity]", "1");
        form.add("success_url", request.successUrl());
        form.add("cancel_url", request.cancelUrl());
        form.add("client_reference_id", request.owner().toString());
        form.add("metadata[user_id]", request.owner().toString());
        form.add("metadata[plan]", request.plan());
        form.add("subscription_data[metadata][user_id]", request.owner().toString());
        form.add("subscription_data[metadata][plan]", request.plan());
        return post("/v1/checkout/sessions", form, idempotencyKey)
                .map(body -> new CheckoutSession(body.path("id").asString(), body.path("url").asString()));
    }

    @Override
    public Mono<StripeSubscription> subscription(String subscriptionId) {
        return client.get().uri("/v1/subscriptions/{id}", subscriptionId)
                .retrieve()
                .bodyToMono(String.class)
                .map(json::readTree)
                .map(WebClientStripeApi::subscription)
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? Mono.empty() : Mono.error(e))
                .transform(this::resilient);
    }

    @Override
    public Mono<String> createPortalSession(String customerId, String returnUrl) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("customer", customerId);
        form.add("return_url", returnUrl);
        return post("/v1/billing_portal/sessions", form, dev.cruxlog.billing.application.IdempotencyKeys.next("portal")).map(body -> body.path("url").asString());
    }

    @Override
    public Mono<Void> cancelSubscription(String subscriptionId) {
        return client.delete().uri("/v1/subscriptions/{id}", subscriptionId)
                .retrieve().toBodilessEntity()
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? Mono.empty() : Mono.error(e))
                .transform(this::resilient)
                .then();
    }

    private Mono<JsonNode> post(String path, MultiValueMap<String, String> form, String idempotencyKey) {
        return client.post().uri(path)
                .header("Idempotency-Key", idempotencyKey)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(String.class)
                .map(json::readTree)
                .transform(this::resilient);
    }

    private <T> Mono<T> resilient(Mono<T> call) {
        return call.retryWhen(Retry.backoff(2, Duration.ofMillis(300))
                        .filter(WebClientStripeApi::retryable)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(error -> !(error instanceof BillingUnavailable), error -> new BillingUnavailable(
                        "Stripe could not be reached (" + describe(error) + "). Nothing was charged; try again in a minute.",
                        error));
    }

    private static boolean retryable(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().value() == 429 || response.getStatusCode().is5xxServerError();
        }
        return error instanceof WebClientRequestException;
    }

    private static String describe(Throwable error) {
        return error instanceof WebClientResponseException response ? String.valueOf(response.getStatusCode().value())
                : error.getClass().getSimpleName();
    }

    static StripeSubscription subscription(JsonNode body) {
        JsonNode item = body.path("items").path("data").path(0);
        JsonNode end = body.path("current_period_end").isNumber() ? body.path("current_period_end")
                : item.path("current_period_end");
        JsonNode customer = body.path("customer");
        return new StripeSubscription(body.path("id").asString(),
                customer.isObject() ? customer.path("id").asString() : customer.asString(),
                body.path("status").asString(), body.path("cancel_at_period_end").asBoolean(),
                end.isNumber() ? Instant.ofEpochSecond(end.asLong()) : null,
                item.path("price").path("id").asString());
    }
}
