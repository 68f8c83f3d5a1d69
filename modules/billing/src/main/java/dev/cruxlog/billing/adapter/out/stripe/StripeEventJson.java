package dev.cruxlog.billing.adapter.out.stripe;

import java.util.Optional;

import dev.cruxlog.billing.application.StripeEvents;
import dev.cruxlog.billing.domain.StripeSignature;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stripe's event JSON (API version 2025 and later) read with Jackson. */
@Component
class StripeEventJson implements StripeEvents {

    private final JsonMapper json;

    StripeEventJson(JsonMapper json) {
        this.json = json;
    }

    @Override
    public StripeEvent read(String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw new StripeSignature.Invalid("The payload is not JSON");
        }
        String id = event.path("id").asString();
        String type = event.path("type").asString();
        if (id.isBlank() || type.isBlank()) {
            throw new StripeSignature.Invalid("The payload is not a Stripe event");
        }
        JsonNode object = event.path("data").path("object");
        return new StripeEvent(id, type, Optional.ofNullable(text(object.path("customer"))), subscriptionId(type, object));
    }

    /** Where each event type names its subscription (invoices moved it under "parent" in 2025). */
    private static Optional<String> subscriptionId(String type, JsonNode object) {
        if (type.startsWith("customer.subscription.")) {
            return Optional.ofNullable(text(object.path("id")));
        }
        if (type.equals("checkout.session.completed")) {
            return Optional.ofNullable(text(object.path("subscription")));
        }
        String direct = text(object.path("subscription"));
        return Optional.ofNullable(direct != null ? direct
                : text(object.path("parent").path("subscription_details").path("subscription")));
    }

    /** A field that is an id, or an expanded object carrying one; null when blank or absent. */
    private static String text(JsonNode node) {
        if (node.isString()) {
            return node.asString().isBlank() ? null : node.asString();
        }
        if (node.isObject() && node.path("id").isString()) {
            return node.path("id").asString();
        }
        return null;
    }
}
