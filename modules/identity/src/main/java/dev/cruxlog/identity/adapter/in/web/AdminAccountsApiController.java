package dev.cruxlog.identity.adapter.in.web;

import java.util.UUID;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.application.SignedInSessions;
import dev.cruxlog.identity.application.TwoStepService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What an administrator does to another account (ADMIN only, by the security rules). */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Administration", description = "Operators' actions on accounts")
class AdminAccountsApiController {

    private final SignedInSessions sessions;
    private final TwoStepService twoStep;

    AdminAccountsApiController(SignedInSessions sessions, TwoStepService twoStep) {
        this.sessions = sessions;
        this.twoStep = twoStep;
    }

    @PostMapping("/{id}/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign an account out everywhere: browsers, API sign-ins, access tokens (ASVS 7.4.5)")
    Mono<Void> signOut(@AuthenticationPrincipal CurrentUser administrator, @PathVariable UUID id) {
        return sessions.endEverywhere(administrator.id(), id);
    }

    /** For an owner who lost the phone and every recovery code, once they proved who they are (docs/security.md, 6.4.4). */
    @PostMapping("/{id}/two-step/off")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn an account's two-step sign-in off after the owner proved who they are out of band; "
            + "signs it out everywhere and emails the owner")
    Mono<Void> turnTwoStepOff(@AuthenticationPrincipal CurrentUser administrator, @PathVariable UUID id) {
        return twoStep.removeByAdministrator(administrator.id(), id);
    }
}
