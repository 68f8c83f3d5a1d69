package dev.cruxlog.identity.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.identity.AccountView;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.adapter.in.security.SessionCookies;
import dev.cruxlog.identity.application.AccountService;
import dev.cruxlog.identity.application.IdentityErrors.NotAGuest;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.IdentityErrors.TwoStepAlreadyOn;
import dev.cruxlog.identity.application.IdentityErrors.TwoStepNotSetUp;
import dev.cruxlog.identity.application.IdentityErrors.UnknownSession;
import dev.cruxlog.identity.application.IdentityErrors.UsernameTaken;
import dev.cruxlog.identity.application.IdentityErrors.WrongPassword;
import dev.cruxlog.identity.application.IdentityErrors.WrongSecondFactorCode;
import dev.cruxlog.identity.application.PasswordService;
import dev.cruxlog.identity.application.RegistrationService;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.identity.application.SignedInSessions;
import dev.cruxlog.identity.application.TwoStepService;
import dev.cruxlog.identity.domain.InvalidAccountInput;
import dev.cruxlog.platform.Zip;
import dev.cruxlog.platform.web.ClientAddresses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The account settings page. Every form posts back here and redirects with a message on success. */
@Controller
class AccountPageController {

    private static final Map<String, String> DONE_MESSAGES = Map.of(
            "profile", "Profile saved.",
            "password", "Password changed. Other devices were signed out.",
            "email", "Check the new address: the change happens when you follow the link we sent.",
            "verification", "We sent the confirmation link again.",
            "sessions", "Signed out. That device needs your password to come back.",
            "two-step-off", "Two-step sign-in is off. Other devices were signed out.",
            "kept", "This logbook is now your account. Confirm your address from the link we sent.");

    private final AccountService accounts;
    private final PasswordService passwords;
    private final RegistrationService registration;
    private final SessionCookies cookies;
    private final SignInService signIn;
    private final ClientAddresses clients;
    private final SignedInSessions signedInSessions;
    private final TwoStepService twoStep;

    AccountPageController(AccountService accounts, PasswordService passwords, RegistrationService registration,
                          SessionCookies cookies, SignInService signIn, ClientAddresses clients,
                          SignedInSessions signedInSessions, TwoStepService twoStep) {
        this.signedInSessions = signedInSessions;
        this.twoStep = twoStep;
        this.accounts = accounts;
        this.passwords = passwords;
        this.registration = registration;
        this.cookies = cookies;
        this.signIn = signIn;
        this.clients = clients;
    }

    record ProfileForm(String username, String mountainProjectProfileUrl, String eightAProfileSlug, String routeSystem,
                       String boulderSystem, String lengthUnit, Boolean countTopRopesAndFollowsAsSends) {
    }

    record PasswordForm(String currentPassword, String newPassword) {
    }

    record EmailForm(String newEmail, String emailPassword) {
    }

    record DeleteForm(String deletePassword, String confirmation) {
    }

    record SessionsForm(String session, String sessionPassword) {
    }

    record TwoStepOnForm(String twoStepCode, String twoStepPassword) {
    }

    record TwoStepOffForm(String offCode, String offPassword) {
    }

    record RecoveryCodesForm(String codesCode, String codesPassword) {
    }

    @GetMapping("/account")
    Mono<String> page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String done, Model model,
                      ServerWebExchange exchange) {
        String message = done == null ? null : DONE_MESSAGES.get(done);
        return render(user, model, message == null ? FormState.empty() : FormState.success(message), HttpStatus.OK, exchange);
    }

    @PostMapping("/account/profile")
    Mono<String> profile(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ProfileForm form, Model model,
                         ServerWebExchange exchange) {
        Map<String, String> systems = new java.util.LinkedHashMap<>();
        if (form.routeSystem() != null) {
            systems.put("route", form.routeSystem());
        }
        if (form.boulderSystem() != null) {
            systems.put("boulder", form.boulderSystem());
        }
        FormState typed = FormState.empty().withValue("username", form.username())
                .withValue("mountainProjectProfileUrl", form.mountainProjectProfileUrl())
                .withValue("eightAProfileSlug", form.eightAProfileSlug());
        // The form shows every setting, and an unticked box is not sent: absent means off.
        return accounts.updateProfile(user.id(), new AccountService.ProfileEdit(form.username(),
                        nullToEmpty(form.mountainProjectProfileUrl()), nullToEmpty(form.eightAProfileSlug()), systems,
                        form.lengthUnit(), Boolean.TRUE.equals(form.countTopRopesAndFollowsAsSends())))
                .thenReturn("redirect:/account?done=profile")
                .onErrorResume(InvalidAccountInput.class, e -> render(user, model, typed.withError(e.field(), e.getMessage()),
                        HttpStatus.UNPROCESSABLE_ENTITY, exchange))
                .onErrorResume(UsernameTaken.class, e -> render(user, model, typed.withError("username", e.getMessage()),
                        HttpStatus.CONFLICT, exchange));
    }

    @PostMapping("/account/password")
    Mono<String> password(@AuthenticationPrincipal CurrentUser user, @ModelAttribute PasswordForm form, Model model,
                          ServerWebExchange exchange) {
        // Every session ends, this one too, and this browser gets a new one: re-authentication
        // issues a new session token as a sign-in does (ASVS 7.2.4).
        return passwords.changePassword(user.id(), form.currentPassword(), form.newPassword(), null)
                .then(signIn.openSession(user.id(), exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                        clients.of(exchange)))
                .map(session -> {
                    cookies.write(exchange, session.value());
                    return "redirect:/account?done=password";
                })
                .onErrorResume(WrongPassword.class, e -> render(user, model,
                        FormState.empty().withError("currentPassword", e.getMessage()), HttpStatus.FORBIDDEN, exchange))
                .onErrorResume(TooManyAttempts.class, e -> render(user, model,
                        FormState.empty().withError("currentPassword", e.getMessage()), HttpStatus.TOO_MANY_REQUESTS, exchange))
                .onErrorResume(InvalidAccountInput.class, e -> render(user, model,
                        FormState.empty().withError("newPassword", e.getMessage()), HttpStatus.UNPROCESSABLE_ENTITY, exchange));
    }

    @PostMapping("/account/email")
    Mono<String> email(@AuthenticationPrincipal CurrentUser user, @ModelAttribute EmailForm form, Model model,
                       ServerWebExchange exchange) {
        FormState typed = FormState.empty().withValue("newEmail", form.newEmail());
        return accounts.requestEmailChange(user.id(), form.emailPassword(), form.newEmail())
                .thenReturn("redirect:/account?done=email")
                .onErrorResume(WrongPassword.class, e -> render(user, model, typed.withError("emailPassword", e.getMessage()),
                        HttpStatus.FORBIDDEN, exchange))
                .onErrorResume(TooManyAttempts.class, e -> render(user, model, typed.withError("emailPassword", e.getMessage()),
                        HttpStatus.TOO_MANY_REQUESTS, exchange))
                .onErrorResume(InvalidAccountInput.class, e -> render(user, model, typed.withError("newEmail", e.getMessage()),
                        HttpStatus.UNPROCESSABLE_ENTITY, exchange));
    }

    @PostMapping("/account/verification")
    Mono<String> resend(@AuthenticationPrincipal CurrentUser user, Model model, ServerWebExchange exchange) {
        return registration.resendVerification(user.id())
                .thenReturn("redirect:/account?done=verification")
                .onErrorResume(TooManyAttempts.class, e -> render(user, model,
                        FormState.empty().withMessage("You asked for several links already. Check your spam folder, "
                                + "or try again in an hour.", "error"), HttpStatus.TOO_MANY_REQUESTS, exchange));
    }

    record KeepForm(String keepEmail, String keepUsername, String keepPassword) {
    }

    /** A guest keeps the sample logbook: their own address, username and password, the data where it is. */
    @PostMapping("/account/keep")
    Mono<String> keep(@AuthenticationPrincipal CurrentUser user, @ModelAttribute KeepForm form, Model model,
                      ServerWebExchange exchange) {
        FormState typed = FormState.empty().withValue("keepEmail", form.keepEmail()).withValue("keepUsername", form.keepUsername());
        return registration.keepGuest(user.id(), form.keepEmail(), form.keepUsername(), form.keepPassword())
                .thenReturn("redirect:/account?done=kept")
                .onErrorResume(InvalidAccountInput.class, error -> {
                    FormState marked = typed;
                    for (InvalidAccountInput problem : error.each()) {
                        marked = marked.withError(KEEP_FIELDS.getOrDefault(problem.field(), "keepEmail"), problem.getMessage());
                    }
                    return render(user, model, marked, HttpStatus.UNPROCESSABLE_ENTITY, exchange);
                })
                .onErrorResume(UsernameTaken.class, error -> render(user, model, typed.withError("keepUsername",
                        error.getMessage()), HttpStatus.UNPROCESSABLE_ENTITY, exchange))
                // No keep form on a climber's own page, so the refusal is the page's message.
                .onErrorResume(NotAGuest.class, error -> render(user, model,
                        FormState.empty().withMessage(error.getMessage(), "error"), HttpStatus.UNPROCESSABLE_ENTITY, exchange));
    }

    /** The rules name the fields of a new account; the keep form's own names avoid the profile form's ids. */
    private static final Map<String, String> KEEP_FIELDS = Map.of("email", "keepEmail", "username", "keepUsername",
            "password", "keepPassword");

    @PostMapping("/account/delete")
    Mono<String> delete(@AuthenticationPrincipal CurrentUser user, @ModelAttribute DeleteForm form, Model model,
                        ServerWebExchange exchange) {
        if (!"DELETE".equals(form.confirmation() == null ? null : form.confirmation().trim())) {
            return render(user, model, FormState.empty().withError("confirmation", "Type DELETE, in capitals, to confirm."),
                    HttpStatus.UNPROCESSABLE_ENTITY, exchange);
        }
        // A guest never chose a password: the session and the typed DELETE are its proof.
        return (user.isGuest() ? accounts.eraseGuest(user.id()) : accounts.delete(user.id(), form.deletePassword()))
                .then(Mono.fromRunnable(() -> cookies.clear(exchange)))
                .thenReturn("redirect:/signin?done=deleted")
                .onErrorResume(WrongPassword.class, e -> render(user, model,
                        FormState.empty().withError("deletePassword", e.getMessage()), HttpStatus.FORBIDDEN, exchange))
                .onErrorResume(TooManyAttempts.class, e -> render(user, model,
                        FormState.empty().withError("deletePassword", e.getMessage()), HttpStatus.TOO_MANY_REQUESTS, exchange));
    }

    private Mono<String> render(CurrentUser user, Model model, FormState form, HttpStatus status, ServerWebExchange exchange) {
        return render(user, model, form, status, exchange, null);
    }

    /** The page; {@code recoveryCodes}, when given, are shown this once (only their hashes are kept). */
    private Mono<String> render(CurrentUser user, Model model, FormState form, HttpStatus status, ServerWebExchange exchange,
                                List<String> recoveryCodes) {
        return Zip.of(accounts.find(user.id()), signedInSessions.list(user.id(), SessionCookies.currentSessionHash(exchange)).collectList(),
                twoStep.status(user.id()),
                (account, sessions, twoStepStatus) -> {
                    exchange.getResponse().setStatusCode(status);
                    model.addAttribute("title", "Your account · Cruxlog");
                    model.addAttribute("account", account);
                    model.addAttribute("form", withDefaults(form, account));
                    model.addAttribute("sessions", sessions);
                    model.addAttribute("guest", user.isGuest());
                    model.addAttribute("twoStep", twoStepStatus);
                    if (twoStepStatus.settingUp() != null) {
                        model.addAttribute("twoStepQr", QrCodeSvg.of(twoStepStatus.settingUp().keyUri()));
                    }
                    if (recoveryCodes != null) {
                        model.addAttribute("recoveryCodes", recoveryCodes);
                    }
                    return "identity/account";
                });
    }


    /** A new key to scan; nothing changes for sign-in until a code from it is confirmed below. */
    @PostMapping("/account/two-step/setup")
    Mono<String> startTwoStep(@AuthenticationPrincipal CurrentUser user, Model model, ServerWebExchange exchange) {
        return twoStep.startSetUp(user.id())
                .then(render(user, model, FormState.empty(), HttpStatus.OK, exchange))
                .onErrorResume(TwoStepAlreadyOn.class, e -> render(user, model,
                        FormState.empty().withMessage(e.getMessage(), "error"), HttpStatus.CONFLICT, exchange));
    }

    /**
     * On with the app's first code; the recovery codes are shown on this answer and never again.
     * Every session ends, this one too, and this browser gets a new one (ASVS 7.2.4): for an
     * administrator it is the session that now administers.
     */
    @PostMapping("/account/two-step/confirm")
    Mono<String> confirmTwoStep(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TwoStepOnForm form, Model model,
                                ServerWebExchange exchange) {
        return twoStep.confirm(user.id(), form.twoStepPassword(), form.twoStepCode(), null)
                .flatMap(codes -> newSession(user, exchange).thenReturn(codes))
                .flatMap(codes -> render(user, model, FormState.success("Two-step sign-in is on. Other devices were signed out."),
                        HttpStatus.OK, exchange, codes))
                .onErrorResume(error -> twoStepFormFailed(user, model, exchange, error, "twoStepPassword", "twoStepCode"));
    }

    @PostMapping("/account/two-step/off")
    Mono<String> turnTwoStepOff(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TwoStepOffForm form, Model model,
                                ServerWebExchange exchange) {
        return twoStep.turnOff(user.id(), form.offPassword(), form.offCode(), null)
                .then(newSession(user, exchange))
                .thenReturn("redirect:/account?done=two-step-off")
                .onErrorResume(error -> twoStepFormFailed(user, model, exchange, error, "offPassword", "offCode"));
    }

    @PostMapping("/account/two-step/recovery-codes")
    Mono<String> newRecoveryCodes(@AuthenticationPrincipal CurrentUser user, @ModelAttribute RecoveryCodesForm form,
                                  Model model, ServerWebExchange exchange) {
        return twoStep.replaceRecoveryCodes(user.id(), form.codesPassword(), form.codesCode(), null)
                .flatMap(codes -> newSession(user, exchange).thenReturn(codes))
                .flatMap(codes -> render(user, model, FormState.success("New recovery codes: the old ones no longer work. "
                        + "Other devices were signed out."), HttpStatus.OK, exchange, codes))
                .onErrorResume(error -> twoStepFormFailed(user, model, exchange, error, "codesPassword", "codesCode"));
    }

    /** A new session for this browser, after a change that ended every session (this one too). */
    private Mono<Void> newSession(CurrentUser user, ServerWebExchange exchange) {
        return signIn.openSession(user.id(), exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT), clients.of(exchange))
                .doOnNext(session -> {
                    cookies.write(exchange, session.value());
                    // The page rendered next marks this session as "this browser".
                    exchange.getAttributes().put(SessionCookies.CURRENT_SESSION, session.value());
                })
                .then();
    }

    /** The two-step forms' failures, each shown at the field it concerns; anything else goes on up. */
    private Mono<String> twoStepFormFailed(CurrentUser user, Model model, ServerWebExchange exchange, Throwable error,
                                           String passwordField, String codeField) {
        if (error instanceof WrongPassword) {
            return render(user, model, FormState.empty().withError(passwordField, error.getMessage()), HttpStatus.FORBIDDEN, exchange);
        }
        if (error instanceof WrongSecondFactorCode) {
            return render(user, model, FormState.empty().withError(codeField, error.getMessage()),
                    HttpStatus.UNPROCESSABLE_ENTITY, exchange);
        }
        if (error instanceof TooManyAttempts) {
            return render(user, model, FormState.empty().withError(codeField, error.getMessage()),
                    HttpStatus.TOO_MANY_REQUESTS, exchange);
        }
        if (error instanceof TwoStepNotSetUp) {
            return render(user, model, FormState.empty().withMessage(error.getMessage(), "error"), HttpStatus.CONFLICT, exchange);
        }
        return Mono.error(error);
    }

    /**
     * Ends one session, or every other one ({@code session=others}), after the password (ASVS 7.5.2).
     */
    @PostMapping("/account/sessions")
    Mono<String> endSessions(@AuthenticationPrincipal CurrentUser user, @ModelAttribute SessionsForm form, Model model,
                             ServerWebExchange exchange) {
        Mono<Void> ending;
        if ("others".equals(form.session())) {
            ending = signedInSessions.endOthers(user.id(), form.sessionPassword(), SessionCookies.currentSessionHash(exchange));
        } else {
            UUID id;
            try {
                id = UUID.fromString(String.valueOf(form.session()));
            } catch (IllegalArgumentException e) {
                return render(user, model, FormState.empty().withError("session", "Choose a session to end."),
                        HttpStatus.UNPROCESSABLE_ENTITY, exchange);
            }
            ending = signedInSessions.end(user.id(), form.sessionPassword(), id);
        }
        return ending.thenReturn("redirect:/account?done=sessions")
                .onErrorResume(WrongPassword.class, e -> render(user, model,
                        FormState.empty().withError("sessionPassword", e.getMessage()), HttpStatus.FORBIDDEN, exchange))
                .onErrorResume(TooManyAttempts.class, e -> render(user, model,
                        FormState.empty().withError("sessionPassword", e.getMessage()), HttpStatus.TOO_MANY_REQUESTS, exchange))
                .onErrorResume(UnknownSession.class, e -> render(user, model,
                        FormState.empty().withError("session", e.getMessage()), HttpStatus.NOT_FOUND, exchange));
    }

    private static FormState withDefaults(FormState form, AccountView account) {
        FormState filled = form;
        if (!form.values().containsKey("username")) {
            filled = filled.withValue("username", account.username())
                    .withValue("mountainProjectProfileUrl", account.mountainProjectProfileUrl())
                    .withValue("eightAProfileSlug", account.eightAProfileSlug());
        }
        return filled;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
