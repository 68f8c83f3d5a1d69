package dev.cruxlog.coach.adapter.in.web;

import java.net.URI;

import dev.cruxlog.coach.application.QuotaExhausted;
import dev.cruxlog.platform.web.Problems;
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
@Order(Problems.MODULE_ADVICE_ORDER)
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

    // A field that broke one of the coach's rules (InvalidInput) is the platform's to answer
    // (InvalidInputProblems), with the field named.

    /** Another argument the coach's rules refused, with no single field to blame. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException error, ServerWebExchange exchange) {
        return Problems.response(HttpStatus.BAD_REQUEST, "Invalid request", "invalid-input",
                error.getMessage() == null ? "Invalid request" : error.getMessage(), null, exchange);
    }

    private static long secondsToMidnightUtc() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        return java.time.Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)).toSeconds();
    }
}
