package dev.cruxlog.identity.adapter.in.web;


import dev.cruxlog.identity.application.IdentityErrors.BadCredentials;
import dev.cruxlog.identity.application.IdentityErrors.EmailTaken;
import dev.cruxlog.identity.application.IdentityErrors.InvalidLink;
import dev.cruxlog.identity.application.IdentityErrors.InvalidRefreshToken;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.IdentityErrors.SignInExpired;
import dev.cruxlog.identity.application.IdentityErrors.TwoStepAlreadyOn;
import dev.cruxlog.identity.application.IdentityErrors.TwoStepNotSetUp;
import dev.cruxlog.identity.application.IdentityErrors.UsernameTaken;
import dev.cruxlog.identity.application.IdentityErrors.WrongSecondFactorCode;
import dev.cruxlog.identity.application.IdentityErrors.UnknownAccount;
import dev.cruxlog.identity.application.IdentityErrors.UnknownSession;
import dev.cruxlog.identity.application.IdentityErrors.WrongPassword;
import dev.cruxlog.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Identity's failures as problem+json, each with a message a climber can act on. */
@RestControllerAdvice(assignableTypes = {AuthApiController.class, UsersApiController.class, AdminAccountsApiController.class,
        TwoStepApiController.class})
@Order(Problems.MODULE_ADVICE_ORDER)
class IdentityApiErrors {

    @ExceptionHandler(UsernameTaken.class)
    ResponseEntity<ProblemDetail> usernameTaken(UsernameTaken error, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, "Username taken", "username-taken", error.getMessage(), "username", exchange);
    }

    @ExceptionHandler(EmailTaken.class)
    ResponseEntity<ProblemDetail> emailTaken(EmailTaken error, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, "Email unavailable", "email-unavailable", error.getMessage(), "email", exchange);
    }

    @ExceptionHandler(BadCredentials.class)
    ResponseEntity<ProblemDetail> badCredentials(BadCredentials error, ServerWebExchange exchange) {
        return problem(HttpStatus.UNAUTHORIZED, "Sign-in failed", "bad-credentials", error.getMessage(), null, exchange);
    }

    @ExceptionHandler(InvalidRefreshToken.class)
    ResponseEntity<ProblemDetail> invalidRefresh(InvalidRefreshToken error, ServerWebExchange exchange) {
        return problem(HttpStatus.UNAUTHORIZED, "Invalid refresh token", "invalid-refresh-token", error.getMessage(),
                "refresh_token", exchange);
    }

    @ExceptionHandler(InvalidLink.class)
    ResponseEntity<ProblemDetail> invalidLink(InvalidLink error, ServerWebExchange exchange) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid or expired link", "invalid-token", error.getMessage(), "token", exchange);
    }

    @ExceptionHandler(WrongPassword.class)
    ResponseEntity<ProblemDetail> wrongPassword(WrongPassword error, ServerWebExchange exchange) {
        return problem(HttpStatus.FORBIDDEN, "Password confirmation failed", "wrong-password", error.getMessage(),
                "password", exchange);
    }

    @ExceptionHandler(UnknownSession.class)
    ResponseEntity<ProblemDetail> unknownSession(UnknownSession error, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, "No such session", "unknown-session", error.getMessage(), null, exchange);
    }

    @ExceptionHandler(UnknownAccount.class)
    ResponseEntity<ProblemDetail> unknownAccount(UnknownAccount error, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, "No such account", "unknown-account", error.getMessage(), null, exchange);
    }

    /** 401 with what the client needs for the second step: the challenge and how long it lives. */
    @ExceptionHandler(AuthApiController.SecondStepRequired.class)
    ResponseEntity<ProblemDetail> secondStepRequired(AuthApiController.SecondStepRequired error, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNAUTHORIZED, "Second sign-in step required",
                "second-factor-required", error.getMessage(), null, exchange);
        response.getBody().setProperty("challenge", error.codeNeeded().challenge().value());
        response.getBody().setProperty("expires_in", error.codeNeeded().expiresIn().toSeconds());
        return response;
    }

    @ExceptionHandler(WrongSecondFactorCode.class)
    ResponseEntity<ProblemDetail> wrongCode(WrongSecondFactorCode error, ServerWebExchange exchange) {
        return problem(HttpStatus.UNAUTHORIZED, "Wrong code", "wrong-code", error.getMessage(), "code", exchange);
    }

    @ExceptionHandler(SignInExpired.class)
    ResponseEntity<ProblemDetail> signInExpired(SignInExpired error, ServerWebExchange exchange) {
        return problem(HttpStatus.UNAUTHORIZED, "Sign-in expired", "sign-in-expired", error.getMessage(), "challenge", exchange);
    }

    @ExceptionHandler(TwoStepAlreadyOn.class)
    ResponseEntity<ProblemDetail> twoStepOn(TwoStepAlreadyOn error, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, "Two-step sign-in is on", "two-step-on", error.getMessage(), null, exchange);
    }

    @ExceptionHandler(TwoStepNotSetUp.class)
    ResponseEntity<ProblemDetail> twoStepNotSetUp(TwoStepNotSetUp error, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, "Two-step sign-in not set up", "two-step-not-set-up", error.getMessage(), null,
                exchange);
    }

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttempts error, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", "rate-limited",
                error.getMessage(), null, exchange);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, error.retryAfter().toSeconds())))
                .body(response.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String type, String detail,
                                                         String field, ServerWebExchange exchange) {
        return Problems.response(status, title, type, detail, field, exchange);
    }
}
