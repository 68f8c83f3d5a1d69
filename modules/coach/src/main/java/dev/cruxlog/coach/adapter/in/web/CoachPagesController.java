package dev.cruxlog.coach.adapter.in.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.coach.application.ClimberProfileService;
import dev.cruxlog.coach.application.AnswerService;
import dev.cruxlog.coach.application.ConversationService;
import dev.cruxlog.coach.application.Conversations;
import dev.cruxlog.coach.application.QuestionAllowance;
import dev.cruxlog.coach.application.QuotaExhausted;
import dev.cruxlog.coach.domain.ClimberProfile;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.platform.InvalidInput;
import dev.cruxlog.platform.Zip;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coach's pages. With scripts, the conversation page asks through the API and shows the
 * answer as it streams; without them the form posts here and the page returns when the
 * answer is written.
 */
@Controller
class CoachPagesController {

    /** The example question's grade, in the climber's system for routes: about the same climb in each. */
    private static final java.util.Map<String, String> EXAMPLE_GRADES = java.util.Map.of("yds", "5.12a", "french", "7a+",
            "uiaa", "VIII+", "ewbank", "24", "uk", "E4");

    private final ConversationService conversations;
    private final AnswerService answers;
    private final QuestionAllowance questions;
    private final ClimberProfileService profiles;
    private final Accounts accounts;
    private final JsonMapper json;

    CoachPagesController(ConversationService conversations, AnswerService answers, QuestionAllowance questions,
                         ClimberProfileService profiles, Accounts accounts, JsonMapper json) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.answers = answers;
        this.questions = questions;
        this.profiles = profiles;
        this.json = json;
    }

    @GetMapping("/coach")
    Mono<String> conversations(@AuthenticationPrincipal CurrentUser user, Model model) {
        Mono<String> system = accounts.settings(user.id()).map(settings -> settings.gradeSystems().getOrDefault("route", "yds"))
                .defaultIfEmpty("yds");
        return Zip.of(conversations.conversations(user.id()).collectList(), questions.allowance(user.id(), user.tier()), system,
                (list, allowance, gradeSystem) -> {
                    model.addAttribute("title", "Coach · Cruxlog");
                    model.addAttribute("conversations", list);
                    model.addAttribute("allowance", allowance);
                    model.addAttribute("exampleGrade", EXAMPLE_GRADES.getOrDefault(gradeSystem, "5.12a"));
                    return "coach/conversations";
                });
    }

    @PostMapping("/coach/conversations")
    Mono<String> start(@AuthenticationPrincipal CurrentUser user) {
        return conversations.start(user.id(), null).map(created -> "redirect:/coach/" + created.id());
    }

    @GetMapping("/coach/{id}")
    Mono<String> conversation(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                              @RequestParam(required = false) String error, Model model) {
        return render(user, id, error, model);
    }

    record QuestionForm(String content) {
    }

    @PostMapping("/coach/{id}/ask")
    Mono<String> ask(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute QuestionForm form,
                     Model model, ServerWebExchange exchange) {
        return answers.ask(user.id(), user.tier(), id, form.content())
                .switchIfEmpty(Mono.error(notFound()))
                .then(Mono.just("redirect:/coach/" + id))
                .timeout(Duration.ofMinutes(3), Mono.just("redirect:/coach/" + id))
                .onErrorResume(error -> error instanceof QuotaExhausted || error instanceof IllegalArgumentException, error -> {
                    exchange.getResponse().setStatusCode(error instanceof QuotaExhausted ? HttpStatus.TOO_MANY_REQUESTS
                            : HttpStatus.UNPROCESSABLE_ENTITY);
                    return render(user, id, error.getMessage(), model);
                });
    }

    record RenameForm(String title) {
    }

    @PostMapping("/coach/{id}/rename")
    Mono<String> rename(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute RenameForm form,
                        Model model, ServerWebExchange exchange) {
        return conversations.rename(user.id(), id, form.title()).switchIfEmpty(Mono.error(notFound()))
                .thenReturn("redirect:/coach/" + id)
                .onErrorResume(IllegalArgumentException.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    return render(user, id, error.getMessage(), model);
                });
    }

    @PostMapping("/coach/{id}/delete")
    Mono<String> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return conversations.delete(user.id(), id).flatMap(deleted -> deleted ? Mono.just("redirect:/coach?done=deleted")
                : Mono.error(notFound()));
    }

    record FeedbackForm(Boolean helpful, String text) {
    }

    @PostMapping("/coach/{id}/messages/{messageId}/feedback")
    Mono<String> feedback(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID messageId,
                          @ModelAttribute FeedbackForm form) {
        return conversations.feedback(user.id(), id, messageId, Boolean.TRUE.equals(form.helpful()), form.text())
                .switchIfEmpty(Mono.error(notFound()))
                .thenReturn("redirect:/coach/" + id + "#m-" + messageId);
    }

    @GetMapping("/coach/{id}/messages/{messageId}/context")
    Mono<String> context(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID messageId,
                         Model model) {
        return conversations.context(user.id(), id, messageId).switchIfEmpty(Mono.error(notFound())).map(text -> {
            model.addAttribute("title", "What the coach saw · Cruxlog");
            model.addAttribute("conversationId", id.toString());
            model.addAttribute("context", json.readValue(text, SentContext.class));
            return "coach/context";
        });
    }

    @GetMapping("/coach/profile")
    Mono<String> profile(@AuthenticationPrincipal CurrentUser user, Model model) {
        return profiles.find(user.id()).map(profile -> profilePage(model, profile, null, null));
    }

    @PostMapping("/coach/profile")
    Mono<String> saveProfile(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ProfileForm form, Model model,
                             ServerWebExchange exchange) {
        return Mono.fromCallable(form::profile)
                .flatMap(profile -> profiles.save(user.id(), profile))
                .map(saved -> profilePage(model, saved, "Saved. The coach will use it from your next question.", null))
                .onErrorResume(IllegalArgumentException.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    model.addAttribute("profileForm", form);
                    // The form has no per-field marks: the message names the field.
                    return Mono.just(profilePage(model, null, null, InvalidInput.namingTheField(error)));
                });
    }

    private Mono<String> render(CurrentUser user, UUID id, String error, Model model) {
        return conversations.conversation(user.id(), id).switchIfEmpty(Mono.error(notFound()))
                .zipWith(conversations.messages(user.id(), id).collectList(), Shown::new)
                .zipWith(questions.allowance(user.id(), user.tier()), (shown, allowance) -> {
                    model.addAttribute("title", shown.conversation().title() + " · Coach · Cruxlog");
                    model.addAttribute("conversation", shown.conversation());
                    model.addAttribute("messages", shown.messages());
                    model.addAttribute("allowance", allowance);
                    model.addAttribute("error", error);
                    return "coach/conversation";
                });
    }

    /** A conversation as its page shows it: the conversation and its messages, oldest first. */
    private record Shown(Conversations.Conversation conversation, List<Conversations.Message> messages) {
    }

    private static String profilePage(Model model, ClimberProfile profile, String message, String error) {
        model.addAttribute("title", "Your climber profile · Coach · Cruxlog");
        if (profile != null) {
            model.addAttribute("profileForm", ProfileForm.of(profile));
        } else if (!model.containsAttribute("profileForm")) {
            model.addAttribute("profileForm", ProfileForm.of(ClimberProfile.empty()));
        }
        model.addAttribute("message", message);
        model.addAttribute("error", error);
        return "coach/profile";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such conversation.");
    }
}
