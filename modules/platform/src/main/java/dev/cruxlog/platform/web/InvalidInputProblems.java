package dev.cruxlog.platform.web;

import dev.cruxlog.platform.InvalidInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Bad input from any module's REST API, answered one way: 400 problem+json whose {@code errors}
 * name the field, as {@link ApiExceptionHandler} does for bean validation. First among the advice
 * beans, because the first advice with any matching handler answers, and modules' own advice
 * (ordered after this) still maps their other failures.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidInputProblems {

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput error, ServerWebExchange exchange) {
        return Problems.response(HttpStatus.BAD_REQUEST, "Invalid request", "invalid-input", error.getMessage(), error.field(),
                exchange);
    }
}
