package dev.cruxlog.identity.adapter.in.web;

import dev.cruxlog.identity.application.IdentityErrors.EmailTaken;
import dev.cruxlog.identity.application.IdentityErrors.InvalidLink;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.IdentityErrors.UsernameTaken;
import dev.cruxlog.identity.application.Registration;
import dev.cruxlog.identity.application.RegistrationService;
import dev.cruxlog.identity.domain.InvalidAccountInput;
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
class SignUpPageController {

    /** Where a new climber starts: the import page, greeted (the logbook module reads {@code welcome}). */
    static final String FIRST_PAGE = "/logbook/import?welcome=1";

    private final RegistrationService registration;
    private final BrowserSessions sessions;
    private final ClientAddresses clients;

    SignUpPageController(RegistrationService registration, BrowserSessions sessions, ClientAddresses clients) {
        this.registration = registration;
        this.sessions = sessions;
        this.clients = clients;
    }

    record SignUpForm(String email, String username, String password) {
    }

    @GetMapping("/signup")
    String page(Model model) {
        return render(model, FormState.empty());
    }

    @PostMapping("/signup")
    Mono<String> signUp(@ModelAttribute SignUpForm form, Model model, ServerWebExchange exchange) {
        FormState typed = FormState.empty().withValue("email", form.email()).withValue("username", form.username());
        return registration.register(form.email(), form.username(), form.password(), clients.of(exchange))
                .flatMap(outcome -> outcome instanceof Registration.Created created
                        // Signed straight in, to bring a logbook; the emailed link confirms the address whenever.
                        ? sessions.begin(created.accountId(), exchange).thenReturn("redirect:" + FIRST_PAGE)
                        // Someone else's address, or their own forgotten account: its owner has an email.
                        : Mono.just(message(model, "Check your inbox", "We sent a message to " + form.email().trim()
                                + ". Follow it to go on.", "/signin", "Sign in")))
                .onErrorResume(InvalidAccountInput.class, error -> {
                    FormState marked = typed;
                    for (InvalidAccountInput problem : error.each()) {
                        marked = marked.withError(problem.field(), problem.getMessage());
                    }
                    return invalid(exchange, model, marked);
                })
                .onErrorResume(UsernameTaken.class, error -> invalid(exchange, model, typed.withError("username",
                        error.getMessage())))
                .onErrorResume(TooManyAttempts.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(error.retryAfter().toSeconds()));
                    return Mono.just(render(model, typed.withMessage("Too many accounts were created from your network "
                            + "just now. Please try again later.", "error")));
                });
    }

    @GetMapping("/verify-email")
    Mono<String> verify(@RequestParam(required = false) String token, Model model, ServerWebExchange exchange) {
        return registration.verifyEmail(token)
                .map(account -> message(model, "Address confirmed", "Thank you: your email address is confirmed.",
                        "/account", "Go to your account"))
                .onErrorResume(error -> error instanceof InvalidLink || error instanceof EmailTaken, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                    return Mono.just(message(model, "This link does not work", error.getMessage(), "/account",
                            "Go to your account"));
                });
    }

    private Mono<String> invalid(ServerWebExchange exchange, Model model, FormState form) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
        return Mono.just(render(model, form.withMessage("Please correct the marked fields.", "error")));
    }

    private static String render(Model model, FormState form) {
        model.addAttribute("title", "Create your account · Cruxlog");
        model.addAttribute("form", form);
        return "identity/signup";
    }

    static String message(Model model, String heading, String text, String linkHref, String linkText) {
        model.addAttribute("title", heading + " · Cruxlog");
        model.addAttribute("heading", heading);
        model.addAttribute("text", text);
        model.addAttribute("linkHref", linkHref);
        model.addAttribute("linkText", linkText);
        return "identity/message";
    }
}
