package dev.cruxlog.billing.adapter.in.web;

import dev.cruxlog.billing.application.BillingService;
import dev.cruxlog.billing.application.BillingUnavailable;
import dev.cruxlog.billing.domain.StripeSignature;
import dev.cruxlog.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Billing's failures as problem+json. A refused webhook says why, and nothing was stored. */
@RestControllerAdvice(assignableTypes = BillingApiController.class)
@Order(Problems.MODULE_ADVICE_ORDER)
class BillingApiErrors {

    @ExceptionHandler(StripeSignature.Invalid.class)
    ResponseEntity<ProblemDetail> signature(StripeSignature.Invalid error, ServerWebExchange exchange) {
        return Problems.response(HttpStatus.BAD_REQUEST, "Webhook refused", "webhook-signature", error.getMessage(), null,
                exchange);
    }

    @ExceptionHandler(BillingUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(BillingUnavailable error, ServerWebExchange exchange) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "Billing unavailable", "billing-unavailable",
                error.getMessage(), null, exchange);
    }

    @ExceptionHandler(BillingService.AlreadySubscribed.class)
    ResponseEntity<ProblemDetail> already(BillingService.AlreadySubscribed error, ServerWebExchange exchange) {
        return Problems.response(HttpStatus.CONFLICT, "Already subscribed", "already-subscribed", error.getMessage(), null,
                exchange);
    }

    // An unknown plan (InvalidInput, field "plan") is the platform's to answer (InvalidInputProblems).

    /** The portal asked for before any checkout: nothing to manage yet. */
    @ExceptionHandler(BillingService.NoSubscriptionYet.class)
    ResponseEntity<ProblemDetail> noSubscription(BillingService.NoSubscriptionYet error, ServerWebExchange exchange) {
        return Problems.response(HttpStatus.CONFLICT, "No subscription yet", "no-subscription", error.getMessage(), null,
                exchange);
    }
}
