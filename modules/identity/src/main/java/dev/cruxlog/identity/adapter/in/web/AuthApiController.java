package dev.cruxlog.identity.adapter.in.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cruxlog.identity.application.PasswordService;
import dev.cruxlog.identity.application.RegistrationService;
import dev.cruxlog.identity.application.SignInOutcome;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.identity.application.SignInService.TokenPair;
import dev.cruxlog.platform.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Accounts and API tokens")
class AuthApiController {

    private final RegistrationService registration;
    private final SignInService signIn;
    private final PasswordService passwords;
    private final ClientAddresses clients;

    AuthApiController(RegistrationService registration, SignInService signIn, PasswordService passwords,
                      ClientAddresses clients) {
        this.registration = registration;
        this.signIn = signIn;
        this.passwords = passwords;
        this.clients = clients;
    }

    record RegisterRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 30) String username,
                           @NotBlank @Size(max = 512) String password) {
    }

    record TokenRequest(@NotBlank @Size(max = 254) String login, @NotBlank @Size(max = 512) String password) {
    }

    record RefreshRequest(@JsonProperty("refresh_token") @NotBlank String refreshToken) {
    }

    record ResetRequest(@NotBlank @Size(max = 254) String email) {
    }

    record ResetConfirmation(@NotBlank String token, @NotBlank @Size(max = 512) String password) {
    }

    record VerifyRequest(@NotBlank String token) {
    }

    record SecondStepRequest(@NotBlank @Size(max = 100) String challenge, @NotBlank @Size(max = 64) String code) {
    }

    /**
     * The password was right and the account has two-step sign-in: a 401 whose body carries the
     * challenge for {@code POST /api/v1/auth/token/second-step} (see {@link IdentityApiErrors}).
     */
    static final class SecondStepRequired extends RuntimeException {
        private final SignInOutcome.CodeNeeded codeNeeded;

        SecondStepRequired(SignInOutcome.CodeNeeded codeNeeded) {
            super("Your account has two-step sign-in: send the code from your authenticator app (or a recovery code) "
                    + "with this challenge to /api/v1/auth/token/second-step.", null, false, false);
            this.codeNeeded = codeNeeded;
        }

        SignInOutcome.CodeNeeded codeNeeded() {
            return codeNeeded;
        }
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {

        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer",
                    pair.accessTokenLifetime().toSeconds());
        }
    }

    /** The same answer whether or not the address already has an account. */
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account; a verification link is emailed")
    Mono<Map<String, String>> register(@Valid @RequestBody RegisterRequest request, ServerWebExchange exchange) {
        return registration.register(request.email(), request.username(), request.password(), clients.of(exchange))
                .thenReturn(Map.of("message", "Account requested. Check your email to confirm your address, then sign in."));
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange a login (email or username) and password for an access and a refresh token; "
            + "an account with two-step sign-in answers 401 second-factor-required with a challenge instead")
    Mono<TokenResponse> token(@Valid @RequestBody TokenRequest request, ServerWebExchange exchange) {
        return signIn.authenticate(request.login(), request.password(), clients.of(exchange))
                .flatMap(outcome -> outcome instanceof SignInOutcome.SignedIn signedIn
                        ? signIn.issueTokens(signedIn.user())
                        : Mono.error(new SecondStepRequired((SignInOutcome.CodeNeeded) outcome)))
                .map(TokenResponse::of);
    }

    @PostMapping("/token/second-step")
    @Operation(summary = "Finish signing in an account with two-step sign-in: the challenge from /token and the "
            + "authenticator app's code (or a recovery code), for an access and a refresh token")
    Mono<TokenResponse> secondStep(@Valid @RequestBody SecondStepRequest request, ServerWebExchange exchange) {
        return signIn.completeSignIn(request.challenge(), request.code(), clients.of(exchange))
                .flatMap(signIn::issueTokens)
                .map(TokenResponse::of);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Rotate a refresh token; reusing a rotated one revokes the whole family")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return signIn.refresh(request.refreshToken()).map(TokenResponse::of);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a refresh token and every token rotated from it")
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
        return signIn.revoke(request.refreshToken());
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Email a password-reset link; always 202, whether or not the address is known")
    Mono<Void> requestReset(@Valid @RequestBody ResetRequest request) {
        return passwords.requestReset(request.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with a reset link's token; signs out everywhere")
    Mono<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
        return passwords.confirmReset(request.token(), request.password());
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm an email address with the token from the emailed link")
    Mono<Void> verifyEmail(@Valid @RequestBody VerifyRequest request) {
        return registration.verifyEmail(request.token()).then();
    }
}
