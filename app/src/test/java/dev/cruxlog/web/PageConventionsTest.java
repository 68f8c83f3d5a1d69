package dev.cruxlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every page, from every module, follows the same rules: a language, a viewport for phones, a
 * title and a description of its own, one h1, a skip link to the main content, a label tied to
 * every form field, alt text on every image, and a name on every button.
 */
@CruxlogIntegrationTest
class PageConventionsTest {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/signin", "/signup", "/forgot-password", "/pricing",
            "/terms", "/privacy");
    private static final List<String> SIGNED_IN_PAGES = List.of("/dashboard", "/pyramid", "/pyramid?discipline=boulder&levels=6",
            "/progression", "/where-and-when", "/characteristics", "/logbook", "/logbook/ticks/new", "/logbook/import", "/coach", "/coach/profile", "/account",
            "/pricing");

    @Autowired
    WebTestClient http;

    @Test
    void everyPageHasATitleOneHeadingLabelledFieldsAndALanguage() {
        Map<String, String> titles = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Browser anonymous = new Browser(http);
        for (String path : PUBLIC_PAGES) {
            check(path, anonymous.get(path).document(), titles, problems);
        }

        Climber climber = new Climbers(http).verified("conventions");
        new LogbookImports(http).upload(climber, SharedExports.bytes("mountain-project/ticks-small-4.csv"), "t.csv", null);
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        for (String path : SIGNED_IN_PAGES) {
            check("signed in " + path, browser.get(path).document(), titles, problems);
        }

        assertThat(problems).isEmpty();
    }

    private static void check(String page, Document html, Map<String, String> titles, List<String> problems) {
        if (html.select("html[lang]").attr("lang").isBlank()) {
            problems.add(page + ": no lang on <html>");
        }
        if (!html.select("meta[name=viewport]").attr("content").contains("width=device-width")) {
            problems.add(page + ": no responsive viewport");
        }
        String title = html.title();
        if (title.isBlank() || !title.contains("Cruxlog")) {
            problems.add(page + ": title '" + title + "' should name Cruxlog");
        }
        String previous = titles.putIfAbsent(title, page);
        if (previous != null && !previous.endsWith(page.replace("signed in ", ""))) {
            problems.add(page + ": same title as " + previous + " ('" + title + "')");
        }
        if (html.select("meta[name=description]").attr("content").isBlank()) {
            problems.add(page + ": no meta description");
        }
        if (html.select("h1").size() != 1) {
            problems.add(page + ": " + html.select("h1").size() + " h1 elements");
        }
        if (html.select("a.skip-link[href=#main]").isEmpty() || html.select("main#main").isEmpty()) {
            problems.add(page + ": no skip link to main");
        }
        for (Element field : html.select("input, select, textarea")) {
            String type = field.attr("type");
            if (type.equals("hidden") || type.equals("submit") || type.equals("button")) {
                continue;
            }
            boolean labelled = !field.id().isBlank() && !html.select("label[for=" + field.id() + "]").isEmpty()
                    || field.hasAttr("aria-label") || field.hasAttr("aria-labelledby")
                    || field.parents().stream().anyMatch(parent -> parent.tagName().equals("label"));
            if (!labelled) {
                problems.add(page + ": field " + field.attr("name") + " has no label");
            }
        }
        for (Element image : html.select("img")) {
            if (!image.hasAttr("alt")) {
                problems.add(page + ": image " + image.attr("src") + " has no alt");
            }
        }
        for (Element button : html.select("button")) {
            if (button.text().isBlank() && !button.hasAttr("aria-label")) {
                problems.add(page + ": a button without a name");
            }
        }
    }
}
