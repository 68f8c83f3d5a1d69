package dev.cruxlog.billing.adapter.in.web;

import java.security.Principal;

import dev.cruxlog.billing.application.BillingService;
import dev.cruxlog.billing.application.BillingUnavailable;
import dev.cruxlog.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Pricing (public), and the pages around Stripe's: where Checkout returns (success never
 * grants anything: it shows what Stripe has confirmed so far) and the way to the portal.
 */
@Controller
class BillingPagesController {

    private final BillingService billing;

    BillingPagesController(BillingService billing) {
        this.billing = billing;
    }

    @GetMapping("/pricing")
    Mono<String> pricing(ServerWebExchange exchange, Model model) {
        return exchange.getPrincipal()
                .flatMap(principal -> user(principal) == null ? Mono.<BillingService.SubscriptionView>empty()
                        : billing.subscription(user(principal).id()))
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .map(subscription -> pricingPage(model, subscription.orElse(null), null));
    }

    record CheckoutForm(String plan) {
    }

    @PostMapping("/billing/checkout")
    Mono<String> checkout(@AuthenticationPrincipal CurrentUser user, @ModelAttribute CheckoutForm form, Model model,
                          ServerWebExchange exchange) {
        return billing.checkout(user.id(), form.plan())
                .map(redirect -> "redirect:" + redirect.url())
                .onErrorResume(error -> error instanceof BillingUnavailable || error instanceof IllegalArgumentException
                        || error instanceof BillingService.AlreadySubscribed, error -> billing.subscription(user.id())
                        .map(subscription -> {
                            exchange.getResponse().setStatusCode(error instanceof BillingUnavailable
                                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT);
                            return pricingPage(model, subscription, error.getMessage());
                        }));
    }

    @GetMapping("/billing/portal")
    Mono<String> portal(@AuthenticationPrincipal CurrentUser user, Model model, ServerWebExchange exchange) {
        return billing.portal(user.id()).map(redirect -> "redirect:" + redirect.url())
                .onErrorResume(error -> error instanceof BillingUnavailable || error instanceof BillingService.NoSubscriptionYet,
                        error -> billing.subscription(user.id()).map(subscription -> {
                            exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                            return pricingPage(model, subscription, error.getMessage());
                        }));
    }

    @GetMapping("/billing/success")
    Mono<String> success(@AuthenticationPrincipal CurrentUser user, Model model) {
        return billing.subscription(user.id()).map(subscription -> {
            model.addAttribute("title", "Thank you · Cruxlog");
            model.addAttribute("subscription", subscription);
            return "billing/success";
        });
    }

    @GetMapping("/billing/cancel")
    String cancelled(Model model) {
        model.addAttribute("title", "Checkout cancelled · Cruxlog");
        return "billing/cancelled";
    }

    private String pricingPage(Model model, BillingService.SubscriptionView subscription, String error) {
        model.addAttribute("title", "Pricing · Cruxlog");
        model.addAttribute("description", "Cruxlog is free; premium adds an unlimited climbing coach.");
        model.addAttribute("plans", billing.plans());
        model.addAttribute("subscription", subscription);
        model.addAttribute("error", error);
        return "billing/pricing";
    }

    private static CurrentUser user(Principal principal) {
        return principal instanceof Authentication authentication && authentication.getPrincipal() instanceof CurrentUser user
                ? user : null;
    }
}
