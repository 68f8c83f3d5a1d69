package dev.cruxlog.logbook.adapter.in.web;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** The logbook's failures as problem+json. */
@RestControllerAdvice(assignableTypes = {TicksApiController.class, ImportsApiController.class})
@Order(Problems.MODULE_ADVICE_ORDER)
class LogbookApiErrors {

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected error, ServerWebExchange exchange) {
        HttpStatus status = error.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY;
        return problem(status, "Import refused", "import-refused", error.getMessage(), "file", exchange);
    }

    /** A part over the multipart reader's own cap never reaches the upload code: the same answer. */
    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException error, ServerWebExchange exchange) {
        return rejected(ImportRejected.tooLarge(ImportLimits.DEFAULT), exchange);
    }

    // A field that broke a rule (InvalidTickInput, InvalidInput) is the platform's to answer
    // (InvalidInputProblems), with the field named.

    /** Another argument the logbook's rules refused, with no single field to blame. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException error, ServerWebExchange exchange) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "invalid-input",
                error.getMessage() == null ? "Invalid request" : error.getMessage(), null, exchange);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String type, String detail,
                                                         String field, ServerWebExchange exchange) {
        return Problems.response(status, title, type, detail, field, exchange);
    }
}
