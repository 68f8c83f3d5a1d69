package dev.cruxlog.web.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The precompiled templates, rendered exactly as the application renders them. */
class TemplatesTest {

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    private Document render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        templates.render(template, params, output);
        return Jsoup.parse(output.toString());
    }

    private Document layout(String title, Navigation navigation) {
        return render("layout/page.jte", Map.of("page", PageMeta.of(title, "Description here"), "nav", navigation,
                "content", (gg.jte.Content) output -> output.writeContent("<p id=inner>inner</p>")));
    }

    @Test
    void everyPageHasTheLayoutsLandmarksForKeyboardAndScreenReaderUsers() {
        Document page = layout("Title here", Navigation.anonymous(null));
        assertThat(page.title()).isEqualTo("Title here");
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("meta[name=viewport]")).hasSize(1);
        assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("main#main")).hasSize(1);
        assertThat(page.select("header nav[aria-label=Main]")).hasSize(1);
        assertThat(page.select("footer")).hasSize(1);
        assertThat(page.select("main #inner").text()).isEqualTo("inner");
        assertThat(page.select("a[href=/signin]")).hasSize(1);
    }

    @Test
    void signedInNavigationOffersAccountAndASignOutFormWithItsCsrfToken() {
        Document page = layout("t", new Navigation("alex", true, new org.springframework.security.web.server.csrf.DefaultCsrfToken(
                "X-XSRF-TOKEN", "_csrf", "token-123"), java.util.List.of()));
        assertThat(page.select("nav a[href=/account]").text()).isEqualTo("alex");
        assertThat(page.select("form[action=/signout] input[name=_csrf]").attr("value")).isEqualTo("token-123");
        assertThat(page.select("a[href=/signin]")).isEmpty();
        assertThat(page.select(".banner").text()).contains("confirm your email address");
    }

    @Test
    void noticesFromModulesAreShownAsAlertsWithTheirLinks() {
        Document page = layout("t", new Navigation("alex", false, null, java.util.List.of(
                new dev.cruxlog.platform.web.PageNotices.Notice("Your last payment failed <b>now</b>.", "Update your card",
                        "/billing/portal"))));
        assertThat(page.select(".banner[role=alert]").text()).isEqualTo("Your last payment failed <b>now</b>. Update your card");
        assertThat(page.select(".banner a[href=/billing/portal]").text()).isEqualTo("Update your card");
    }

    @Test
    void pageTextIsEscaped() {
        Document page = layout("<script>alert(1)</script>", Navigation.anonymous(null));
        assertThat(page.select("script")).isEmpty();
        assertThat(page.title()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void errorPageShowsStatusMessageAndReference() {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        Document page = render("web/error.jte", Map.of("title", JteErrorPageRenderer.titleFor(status),
                "status", status.value(), "message", JteErrorPageRenderer.messageFor(status), "requestId", "abc123def456"));
        assertThat(page.select(".error-code").text()).isEqualTo("503");
        assertThat(page.select("h1").text()).isEqualTo("Back in a moment");
        assertThat(page.text()).contains("abc123def456").contains("logbook is safe");
    }
}
