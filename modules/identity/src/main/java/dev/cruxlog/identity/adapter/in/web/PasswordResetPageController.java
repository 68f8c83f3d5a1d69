package dev.cruxlog.identity.adapter.in.web;

import dev.cruxlog.identity.application.IdentityErrors.InvalidLink;
import dev.cruxlog.identity.application.PasswordService;
import dev.cruxlog.identity.domain.InvalidAccountInput;
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
class PasswordResetPageController {

    private final PasswordService passwords;

    PasswordResetPageController(PasswordService passwords) {
        this.passwords = passwords;
    }

    record ForgotForm(String email) {
    }

    record ResetForm(String token, String password) {
    }

    @GetMapping("/forgot-password")
    String forgot(Model model) {
        return renderForgot(model, FormState.empty());
    }

    /** The same answer for every address, known or not. */
    @PostMapping("/forgot-password")
    Mono<String> requestLink(@ModelAttribute ForgotForm form, Model model) {
        return passwords.requestReset(form.email())
                .then(Mono.fromCallable(() -> renderForgot(model, FormState.success(
                        "If an account uses that address, a link to choose a new password is on its way. It works once, "
                                + "within an hour."))));
    }

    @GetMapping("/reset-password")
    String reset(@RequestParam(required = false) String token, Model model) {
        return renderReset(model, FormState.empty(), token);
    }

    @PostMapping("/reset-password")
    Mono<String> confirm(@ModelAttribute ResetForm form, Model model, ServerWebExchange exchange) {
        return passwords.confirmReset(form.token(), form.password())
                .thenReturn("redirect:/signin?done=password-reset")
                .onErrorResume(InvalidAccountInput.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    return Mono.just(renderReset(model, FormState.empty().withError("password", error.getMessage()),
                            form.token()));
                })
                .onErrorResume(InvalidLink.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                    return Mono.just(SignUpPageController.message(model, "This link does not work", error.getMessage(),
                            "/forgot-password", "Ask for a new link"));
                });
    }

    private static String renderForgot(Model model, FormState form) {
        model.addAttribute("title", "Forgot your password · Cruxlog");
        model.addAttribute("form", form);
        return "identity/forgot-password";
    }

    private static String renderReset(Model model, FormState form, String token) {
        model.addAttribute("title", "Choose a new password · Cruxlog");
        model.addAttribute("form", form);
        model.addAttribute("token", token == null ? "" : token);
        return "identity/reset-password";
    }
}
