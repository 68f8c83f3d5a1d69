package dev.cruxlog.billing.adapter.in.web;

import java.util.Map;

import dev.cruxlog.billing.application.BillingService;
import dev.cruxlog.billing.application.WebhookService;
import dev.cruxlog.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/billing")
class BillingApiController {

    private final BillingService billing;
    private final WebhookService webhooks;

    BillingApiController(BillingService billing, WebhookService webhooks) {
        this.billing = billing;
        this.webhooks = webhooks;
    }

    record CheckoutRequest(String plan) {
    }

    @GetMapping("/plans")
    @Operation(summary = "The plans, their prices and what each includes; 'enabled' is false when billing is off")
    BillingService.Plans plans() {
        return billing.plans();
    }

    @GetMapping("/subscription")
    @Operation(summary = "Your subscription as Stripe last confirmed it")
    Mono<BillingService.SubscriptionView> subscription(@AuthenticationPrincipal CurrentUser user) {
        return billing.subscription(user.id());
    }

    @PostMapping("/checkout")
    @Operation(summary = "Start a Stripe Checkout for a plan ({\"plan\":\"premium\"}); answers {\"url\"} to send the browser to")
    Mono<BillingService.Redirect> checkout(@AuthenticationPrincipal CurrentUser user, @RequestBody CheckoutRequest request) {
        return billing.checkout(user.id(), request.plan());
    }

    @PostMapping("/portal")
    @Operation(summary = "Open Stripe's customer portal (card, invoices, cancel); answers {\"url\"}")
    Mono<BillingService.Redirect> portal(@AuthenticationPrincipal CurrentUser user) {
        return billing.portal(user.id());
    }

    /** Stripe's webhook: the raw body, exactly as signed. */
    @PostMapping("/webhook")
    @Operation(summary = "Stripe webhook endpoint (verified by Stripe-Signature)")
    Mono<ResponseEntity<Map<String, Object>>> webhook(@RequestBody byte[] payload,
                                                      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        return webhooks.receive(payload, signature)
                .map(receipt -> ResponseEntity.ok(Map.<String, Object>of("received", true, "duplicate", receipt.duplicate())));
    }
}
