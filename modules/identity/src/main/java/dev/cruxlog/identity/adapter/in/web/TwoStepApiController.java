package dev.cruxlog.identity.adapter.in.web;

import java.util.List;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.adapter.in.security.SessionCookies;
import dev.cruxlog.identity.application.IdentityErrors.WrongSecondFactorCode;
import dev.cruxlog.identity.application.TwoStepService;
import dev.cruxlog.identity.application.TwoStepService.TwoStepSetUp;
import dev.cruxlog.identity.application.TwoStepService.TwoStepStatus;
import dev.cruxlog.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Two-step sign-in of the signed-in climber's own account: an authenticator app and recovery codes. */
@RestController
@RequestMapping("/api/v1/users/me/two-step")
@Tag(name = "Account", description = "The signed-in climber's own account")
class TwoStepApiController {

    private final TwoStepService twoStep;

    TwoStepApiController(TwoStepService twoStep) {
        this.twoStep = twoStep;
    }

    record CodeAndPassword(@NotBlank @Size(max = 512) String password, @NotBlank @Size(max = 64) String code) {
    }

    /** {@code settingUp}: a key was handed out and waits for its first code. */
    record StatusResponse(boolean on, boolean settingUp, long unusedRecoveryCodes) {
        static StatusResponse of(TwoStepStatus status) {
            return new StatusResponse(status.on(), status.settingUp() != null, status.unusedRecoveryCodes());
        }
    }

    /** {@code key}: base32, for typing into an app; {@code keyUri}: the otpauth URI an app scans. */
    record SetUpResponse(String key, String keyUri) {
        static SetUpResponse of(TwoStepSetUp setUp) {
            return new SetUpResponse(setUp.typedKey().replace(" ", ""), setUp.keyUri());
        }
    }

    /** Shown once: only their hashes are kept. */
    record RecoveryCodesResponse(List<String> recoveryCodes) {
    }

    @GetMapping
    @Operation(summary = "Whether two-step sign-in is on, being set up, and how many recovery codes are left")
    Mono<StatusResponse> status(@AuthenticationPrincipal CurrentUser user) {
        return twoStep.status(user.id()).map(StatusResponse::of);
    }

    @PostMapping("/setup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start setting up: a new key for an authenticator app (nothing changes until it is confirmed)")
    Mono<SetUpResponse> startSetUp(@AuthenticationPrincipal CurrentUser user) {
        return twoStep.startSetUp(user.id()).map(SetUpResponse::of);
    }

    @PostMapping("/confirm")
    @Operation(summary = "Turn two-step sign-in on with your password and the app's current code; "
            + "answers ten recovery codes, shown once. Every session and API sign-in ends but the asking browser's "
            + "(an API client signs in again, with a code)")
    Mono<RecoveryCodesResponse> confirm(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeAndPassword request,
                                        ServerWebExchange exchange) {
        return twoStep.confirm(user.id(), request.password(), request.code(), SessionCookies.currentSessionHash(exchange))
                .map(RecoveryCodesResponse::new);
    }

    @PostMapping("/off")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn two-step sign-in off with your password and a code (or a recovery code); "
            + "every session and API sign-in ends but the asking browser's")
    Mono<Void> turnOff(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeAndPassword request,
                       ServerWebExchange exchange) {
        return twoStep.turnOff(user.id(), request.password(), request.code(), SessionCookies.currentSessionHash(exchange));
    }

    @PostMapping("/recovery-codes")
    @Operation(summary = "Ten new recovery codes, with your password and a code; the old ones stop working, and "
            + "every session and API sign-in ends but the asking browser's")
    Mono<RecoveryCodesResponse> recoveryCodes(@AuthenticationPrincipal CurrentUser user,
                                              @Valid @RequestBody CodeAndPassword request, ServerWebExchange exchange) {
        return twoStep.replaceRecoveryCodes(user.id(), request.password(), request.code(), SessionCookies.currentSessionHash(exchange))
                .map(RecoveryCodesResponse::new);
    }

    /**
     * A wrong code here is a mistake in a form of a signed-in climber (422), not a failed sign-in
     * (the 401 {@link IdentityApiErrors} gives at the token grant).
     */
    @ExceptionHandler(WrongSecondFactorCode.class)
    ResponseEntity<ProblemDetail> wrongCode(WrongSecondFactorCode error, ServerWebExchange exchange) {
        return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong code", "wrong-code", error.getMessage(), "code", exchange);
    }

}
