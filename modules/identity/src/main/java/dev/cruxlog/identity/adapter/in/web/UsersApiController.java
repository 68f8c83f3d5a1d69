package dev.cruxlog.identity.adapter.in.web;

import java.util.Map;
import java.util.UUID;

import dev.cruxlog.identity.AccountView;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.adapter.in.security.SessionCookies;
import dev.cruxlog.identity.application.AccountService;
import dev.cruxlog.identity.application.PasswordService;
import dev.cruxlog.identity.application.RegistrationService;
import dev.cruxlog.identity.application.SignedInSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in climber's own account. There is no way to address another account here. */
@RestController
@RequestMapping("/api/v1/users/me")
@Tag(name = "Account", description = "The signed-in climber's own account")
class UsersApiController {

    private final AccountService accounts;
    private final PasswordService passwords;
    private final RegistrationService registration;
    private final SignedInSessions sessions;

    UsersApiController(AccountService accounts, PasswordService passwords, RegistrationService registration,
                       SignedInSessions sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.registration = registration;
        this.sessions = sessions;
    }

    /** A place the account is signed in; {@code kind} is "page" (a browser) or "api" (an API client's sign-in). */
    record SessionResponse(String id, String kind, String startedAt, String lastSeenAt, String expiresAt, String device,
                           String clientAddress, boolean current) {

        static SessionResponse of(SignedInSessions.SignedInSession session) {
            return new SessionResponse(session.id().toString(), session.kind().name().toLowerCase(java.util.Locale.ROOT),
                    session.startedAt().toString(), session.lastSeenAt().toString(), session.expiresAt().toString(),
                    session.userAgent(), session.clientAddress(), session.current());
        }
    }

    record ProfileResponse(String id, String username, String email, boolean emailVerified, String tier,
                           java.util.List<String> roles, String mountainProjectProfileUrl, String eightAProfileSlug,
                           Map<String, String> preferredGradeSystems, String lengthUnit,
                           boolean countTopRopesAndFollowsAsSends, String createdAt) {

        static ProfileResponse of(AccountView view) {
            return new ProfileResponse(view.id().toString(), view.username(), view.email(), view.emailVerified(),
                    view.tier().name().toLowerCase(java.util.Locale.ROOT),
                    view.roles().stream().map(role -> role.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList(),
                    view.mountainProjectProfileUrl(), view.eightAProfileSlug(), view.gradeSystems(),
                    view.lengthUnit().symbol(), view.countTopRopesAndFollowsAsSends(), view.createdAt().toString());
        }
    }

    record ProfileChange(@Size(max = 30) String username, @Size(max = 300) String mountainProjectProfileUrl,
                         @Size(max = 80) String eightAProfileSlug, Map<String, String> preferredGradeSystems,
                         @Size(max = 4) String lengthUnit, Boolean countTopRopesAndFollowsAsSends) {
    }

    record PasswordChange(@NotBlank @Size(max = 512) String currentPassword, @NotBlank @Size(max = 512) String newPassword) {
    }

    record EmailChange(@NotBlank @Size(max = 254) String newEmail, @NotBlank @Size(max = 512) String password) {
    }

    record PasswordConfirmation(@NotBlank @Size(max = 512) String password) {
    }

    @GetMapping
    @Operation(summary = "Your profile, tier and settings")
    Mono<ProfileResponse> me(@AuthenticationPrincipal CurrentUser user) {
        // A token can outlive its account by a few minutes: say so rather than answer 200 with nothing.
        return accounts.find(user.id()).map(ProfileResponse::of)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "This account no longer exists.")));
    }

    @PatchMapping
    @Operation(summary = "Change username, logbook profiles, preferred grade systems, length unit (ft, m) or "
            + "countTopRopesAndFollowsAsSends")
    Mono<ProfileResponse> update(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProfileChange change) {
        return accounts.updateProfile(user.id(), new AccountService.ProfileEdit(change.username(),
                change.mountainProjectProfileUrl(), change.eightAProfileSlug(), change.preferredGradeSystems(),
                change.lengthUnit(), change.countTopRopesAndFollowsAsSends())).map(ProfileResponse::of);
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your password; other sessions and all refresh tokens are revoked")
    Mono<Void> changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordChange change,
                              ServerWebExchange exchange) {
        return passwords.changePassword(user.id(), change.currentPassword(), change.newPassword(),
                SessionCookies.currentSessionHash(exchange));
    }

    @PostMapping("/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Change your email: a confirmation link goes to the new address")
    Mono<Void> changeEmail(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody EmailChange change) {
        return accounts.requestEmailChange(user.id(), change.password(), change.newEmail());
    }

    @PostMapping("/verification-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send the verification link again (a few times an hour at most)")
    Mono<Void> resendVerification(@AuthenticationPrincipal CurrentUser user) {
        return registration.resendVerification(user.id());
    }

    @PostMapping("/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate your account: no sign-in, data kept")
    Mono<Void> deactivate(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordConfirmation confirmation) {
        return accounts.deactivate(user.id(), confirmation.password());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete your account and everything in it, in every module")
    Mono<Void> delete(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordConfirmation confirmation) {
        return accounts.delete(user.id(), confirmation.password());
    }

    @GetMapping("/sessions")
    @Operation(summary = "Where you are signed in: browsers and API clients, most recently used first")
    Flux<SessionResponse> sessions(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
        return sessions.list(user.id(), SessionCookies.currentSessionHash(exchange)).map(SessionResponse::of);
    }

    @PostMapping("/sessions/{id}/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of your sessions (your password again); an API sign-in's refresh tokens stop working")
    Mono<Void> endSession(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                          @Valid @RequestBody PasswordConfirmation confirmation) {
        return sessions.end(user.id(), confirmation.password(), id);
    }
}
