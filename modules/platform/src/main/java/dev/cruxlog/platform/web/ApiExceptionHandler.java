package dev.cruxlog.platform.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.springdoc.api.OpenApiResourceNotFoundException;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error from a REST controller becomes {@code application/problem+json} (RFC 9457)
 * carrying the request id; validation errors list each field. Only {@code @RestController}s
 * are advised: page controllers fall through to {@link CruxlogErrorWebExceptionHandler},
 * which renders HTML for browsers.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        List<Map<String, Object>> errors = ex.getFieldErrors().stream()
                .map(field -> Map.<String, Object>of(
                        "field", field.getField(),
                        "message", field.getDefaultMessage() == null ? "is invalid" : field.getDefaultMessage()))
                .toList();
        problem.setTitle("Invalid request");
        problem.setDetail(errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /**
     * A body the codecs could not read: too many multipart parts, malformed multipart. The
     * client's fault (400), unless the body was cut at the request size cap on its way (413).
     */
    @ExceptionHandler(DecodingException.class)
    Mono<ResponseEntity<Object>> handleUnreadableBody(DecodingException ex, ServerWebExchange exchange) {
        if (RequestSizeLimitFilter.tooLargeCause(ex) != null) {
            return problem(ex, HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request is larger than the server accepts.",
                    exchange);
        }
        return problem(ex, HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The request body could not be read: " + ex.getMessage(), exchange);
    }

    /**
     * A write the database refused as inconsistent, most often one that refers to what was
     * just deleted (an account erased while its old token was still writing): a conflict for
     * the client to resolve, not a server error.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    Mono<ResponseEntity<Object>> handleConflict(DataIntegrityViolationException ex, ServerWebExchange exchange) {
        log.warn("Write refused by the database serving {} (request {}): {}", exchange.getRequest().getPath(),
                RequestIds.of(exchange), ex.getMostSpecificCause().getMessage());
        return problem(ex, HttpStatus.CONFLICT, "Conflict",
                "The change conflicts with the data as it is now; it may refer to something just deleted.", exchange);
    }

    /** An API documentation group that does not exist is a 404, not a server error (issue #15). */
    @ExceptionHandler(OpenApiResourceNotFoundException.class)
    Mono<ResponseEntity<Object>> handleUnknownApiGroup(OpenApiResourceNotFoundException ex, ServerWebExchange exchange) {
        return problem(ex, HttpStatus.NOT_FOUND, "Not found",
                "There is no API documentation by that name; /v3/api-docs lists every module's.", exchange);
    }

    private Mono<ResponseEntity<Object>> problem(Exception ex, HttpStatus status, String title, String detail,
                                                 ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), status, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        if (DatabaseUnavailable.isCause(ex)) {
            log.warn("Database unavailable while serving {} (request {}): {}", exchange.getRequest().getPath(),
                    RequestIds.of(exchange), ex.toString());
            ProblemDetail problem = Problems.databaseUnavailable();
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
        }
        log.error("Unexpected error serving {} (request {})", exchange.getRequest().getPath(), RequestIds.of(exchange), ex);
        return handleExceptionInternal(ex, Problems.unexpected(), new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR,
                exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        // Spring passes no body for most of its own errors (malformed JSON, a bad parameter) and
        // fills it in later from the exception: take it now, so it carries the request id too.
        Object problemBody = body == null && ex instanceof ErrorResponse response ? response.getBody() : body;
        if (problemBody instanceof ProblemDetail problem) {
            Problems.decorate(problem, exchange);
        }
        return super.handleExceptionInternal(ex, problemBody, headers, status, exchange);
    }
}
