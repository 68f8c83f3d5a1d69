package dev.cruxlog.identity.adapter.in.web;

import java.util.regex.Pattern;

import dev.cruxlog.identity.adapter.in.security.SessionCookies;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.application.IdentityErrors.BadCredentials;
import dev.cruxlog.identity.application.IdentityErrors.SignInExpired;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.IdentityErrors.WrongSecondFactorCode;
import dev.cruxlog.identity.application.SignInOutcome;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.platform.web.ClientAddresses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Controller
class SignInPageController {

    private final SignInService signIn;
    private final SessionCookies cookies;
    private final BrowserSessions sessions;
    private final ClientAddresses clients;

    SignInPageController(SignInService signIn, SessionCookies cookies, BrowserSessions sessions, ClientAddresses clients) {
        this.signIn = signIn;
        this.cookies = cookies;
        this.sessions = sessions;
        this.clients = clients;
    }

    record SignInForm(String login, String password, String next) {
    }

    @GetMapping("/signin")
    String page(@RequestParam(required = false) String next, @RequestParam(required = false) String done, Model model) {
        FormState form = "signed-out".equals(done) ? FormState.info("You are signed out.")
                : "password-reset".equals(done) ? FormState.success("Your password was changed. Sign in with the new one.")
                : "deleted".equals(done) ? FormState.info("Your account was deleted. Thank you for climbing with us.")
                : FormState.empty();
        return render(model, form, next);
    }

    @PostMapping("/signin")
    Mono<String> signIn(@ModelAttribute SignInForm form, Model model, ServerWebExchange exchange) {
        String next = safeNext(form.next());
        return signIn.authenticate(form.login(), form.password(), clients.of(exchange))
                .flatMap(outcome -> outcome instanceof SignInOutcome.SignedIn signedIn
                        ? startSession(signedIn.user(), next, exchange)
                        : Mono.just(renderCode(model, FormState.empty(), ((SignInOutcome.CodeNeeded) outcome).challenge().value(), next)))
                .onErrorResume(BadCredentials.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                    return Mono.just(render(model, FormState.empty().withValue("login", form.login())
                            .withMessage(error.getMessage(), "error"), next));
                })
                .onErrorResume(TooManyAttempts.class, error -> {
                    tooMany(exchange, error);
                    return Mono.just(render(model, FormState.empty().withValue("login", form.login())
                            .withMessage(error.getMessage(), "error"), next));
                });
    }

    record CodeForm(String challenge, String code, String next) {
    }

    /** The second step of an account with two-step sign-in: the challenge rides in the form, never in a URL. */
    @PostMapping("/signin/code")
    Mono<String> code(@ModelAttribute CodeForm form, Model model, ServerWebExchange exchange) {
        String next = safeNext(form.next());
        return signIn.completeSignIn(form.challenge(), form.code(), clients.of(exchange))
                .flatMap(user -> startSession(user, next, exchange))
                .onErrorResume(WrongSecondFactorCode.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                    return Mono.just(renderCode(model, FormState.empty().withError("code", error.getMessage()), form.challenge(), next));
                })
                .onErrorResume(TooManyAttempts.class, error -> {
                    tooMany(exchange, error);
                    return Mono.just(renderCode(model, FormState.empty().withError("code", error.getMessage()), form.challenge(), next));
                })
                .onErrorResume(SignInExpired.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                    return Mono.just(render(model, FormState.empty().withMessage(error.getMessage(), "error"), next));
                });
    }

    private Mono<String> startSession(CurrentUser user, String next, ServerWebExchange exchange) {
        return sessions.begin(user.id(), exchange).thenReturn("redirect:" + next);
    }

    private static void tooMany(ServerWebExchange exchange, TooManyAttempts error) {
        exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, error.retryAfter().toSeconds())));
    }

    @PostMapping("/signout")
    Mono<String> signOut(ServerWebExchange exchange) {
        return Mono.justOrEmpty(cookies.read(exchange))
                .flatMap(signIn::closeSession)
                .then(Mono.fromRunnable(() -> cookies.clear(exchange)))
                .thenReturn("redirect:/signin?done=signed-out");
    }

    private static String renderCode(Model model, FormState form, String challenge, String next) {
        model.addAttribute("title", "Sign in: your code · Cruxlog");
        model.addAttribute("form", form);
        model.addAttribute("challenge", challenge == null ? "" : challenge);
        model.addAttribute("next", safeNext(next));
        return "identity/signin-code";
    }

    private static String render(Model model, FormState form, String next) {
        model.addAttribute("title", "Sign in · Cruxlog");
        model.addAttribute("form", form);
        model.addAttribute("next", safeNext(next));
        return "identity/signin";
    }

    /**
     * Only paths on this site: "/logbook" yes, "//evil.example" or "https://..." no (no open
     * redirect). And only characters a URI carries as they are: whitespace, braces (which the
     * redirect would read as a template variable) or anything else used to be a 500 after a
     * successful sign-in (issue #15); such a "next" is ignored like any other bad one.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || !SAFE_PATH.matcher(next).matches()) {
            return LANDING;
        }
        return next;
    }

    /**
     * Where a climber lands after signing in with nowhere else asked for: the analytics module's
     * {@code /start} sends them to the dashboard, or to the import page while their logbook is empty.
     */
    static final String LANDING = "/start";

    /** RFC 3986 path, query and fragment characters, percent-encodings included; no backslash, braces or spaces. */
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/?#%]{0,500}");
}
