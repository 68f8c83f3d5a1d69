package dev.cruxlog.coach.adapter.in.web;

import java.net.URI;

import dev.cruxlog.coach.application.QuotaExhausted;
import dev.cruxlog.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** The coach's failures as problem+json; the used-up allowance carries an upgrade link. */
@RestControllerAdvice(assignableTypes = CoachApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoachApiErrors {

    @ExceptionHandler(QuotaExhausted.class)
    ResponseEntity<ProblemDetail> quota(QuotaExhausted error, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> response = Problems.response(HttpStatus.TOO_MANY_REQUESTS, "Daily coach questions used up",
                "coach-quota", error.getMessage(), null, exchange);
        ProblemDetail problem = response.getBody();
        problem.setProperty("perDay", error.perDay());
        problem.setProperty("upgradeUrl", URI.create("/pricing"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(secondsToMidnightUtc())).body(problem);
    }

    /** Messages from the coach's rules read "field: what is wrong". */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException error, ServerWebExchange exchange) {
        String message = error.getMessage() == null ? "Invalid request" : error.getMessage();
        int colon = message.indexOf(": ");
        String field = colon > 0 && colon < 30 && !message.substring(0, colon).contains(" ") ? message.substring(0, colon) : null;
        return Problems.response(HttpStatus.BAD_REQUEST, "Invalid request", "invalid-input",
                field == null ? message : message.substring(colon + 2), field, exchange);
    }

    private static long secondsToMidnightUtc() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        return java.time.Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)).toSeconds();
    }
}
