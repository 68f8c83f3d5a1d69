package dev.cruxlog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.SharedExports;
import dev.cruxlog.support.TestMail;
import dev.cruxlog.CruxlogIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A climber's whole journey in a real browser (Debian's headless Chromium): sign up (and be
 * signed in, on the import page), follow the emailed link, import a real export and watch the
 * progress bar finish, go to the dashboard and see the pyramid drawn with the numbers the API
 * gives, sign in again and land on the dashboard, walk the first hour's pages on a 390 px phone,
 * edit a tick and come back to the same list, delete one and undo it, see the pyramid change,
 * export CSV, ask the coach, delete the account. Screenshots of every step go to
 * {@code target/browser-journey/}.
 */
@CruxlogIntegrationTest
class BrowserJourneyTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "browser-journey");

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    WebDriver browser;
    int step;
    int pagesChecked;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String install = "Chromium is not installed: apt-get install chromium chromium-driver (CI installs it in .ci/run)";
        // On a developer machine a missing browser skips the journey; in CI (.ci/run) it must run.
        if ("true".equals(System.getenv("CRUXLOG_REQUIRE_BROWSER"))) {
            org.junit.jupiter.api.Assertions.assertTrue(installed, install);
        }
        assumeTrue(installed, install);
        Files.createDirectories(SHOTS);
        // Screenshots of an earlier run would be mistaken for this one's.
        try (java.util.stream.Stream<Path> old = Files.list(SHOTS)) {
            for (Path shot : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(shot);
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("cruxlog-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chromium = new ChromeDriver(service, options);
        // axe-core evaluated by Chromium itself in every document it opens, instead of its 464 KB
        // sent through the driver before every check (55 times: 9.7 of the journey's 18.7 s of
        // checks went to that). A script added this way is not governed by the page's CSP either.
        chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE));
        browser = chromium;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signUpImportReadThePyramidEditExportAndLeave() throws Exception {
        String username = Climbers.uniqueName("journey");
        String email = username + "@example.test";
        String password = "a long way up the wall";

        open("/");
        browser.findElement(By.linkText("Create your free account")).click();
        assertAccessible("/signup");
        type("#email", email);
        type("#username", username);
        type("#password", password);
        submit("main form");
        // Signed in by signing up, and on the page that brings the logbook in.
        waitFor(ExpectedConditions.urlContains("/logbook/import?welcome=1"));
        awaitText("#welcome", "you are signed in");
        shot("signed-up");

        String link = TestMail.linkIn(TestMail.await(email, "Confirm your email"), "/verify-email");
        open(link);
        awaitText("h1", "Address confirmed");
        shot("email-verified");

        open("/logbook/import");
        File export = SharedExports.file("mountain-project/ticks-sport-trad-567.csv").toFile();
        browser.findElement(By.id("file")).sendKeys(export.getAbsolutePath());
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-label"), "Done:"));
        assertThat(browser.findElement(By.id("progress-bar")).getDomAttribute("value")).isEqualTo("100");
        assertThat(text("#progress-label")).contains("added");
        shot("import-finished");

        // Where a climber goes next: the dashboard, straight from the finished import.
        browser.findElement(By.linkText("See your dashboard")).click();
        waitFor(ExpectedConditions.urlContains("/dashboard"));
        assertAccessible("/dashboard");
        Map<String, Object> pyramid = apiPyramid(username, password);
        List<Map<String, Object>> levels = (List<Map<String, Object>>) pyramid.get("levels");
        // The pyramid as drawn: a centred bar per grade, hardest on top, with the API's counts,
        // its parts (one per style, coloured by the stylesheet) adding up to the bar.
        List<WebElement> bars = browser.findElements(By.cssSelector("#pyramid-picture g.pyramid-row"));
        assertThat(bars).hasSize(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            assertThat(bars.get(i).getDomAttribute("data-grade")).isEqualTo(levels.get(i).get("grade"));
            assertThat(bars.get(i).getDomAttribute("data-sends")).isEqualTo(String.valueOf(levels.get(i).get("sends")));
            int parts = bars.get(i).findElements(By.cssSelector("rect.pyramid-segment")).stream()
                    .mapToInt(part -> Integer.parseInt(part.getDomAttribute("data-count"))).sum();
            assertThat(parts).isEqualTo(((Number) levels.get(i).get("sends")).intValue());
        }
        assertThat(script("var r = document.querySelector('#pyramid-picture rect.seg-redpoint');"
                + "return r ? getComputedStyle(r).fill : null;")).isEqualTo("rgb(183, 28, 28)");
        assertThat(script("var b = document.querySelector('#pyramid-picture svg').getBoundingClientRect(); return b.width > 300;"))
                .isEqualTo(true);
        List<WebElement> rows = browser.findElements(By.cssSelector("#pyramid-table tbody tr"));
        for (int i = 0; i < levels.size(); i++) {
            assertThat(rows.get(i).findElement(By.tagName("th")).getText()).isEqualTo(levels.get(i).get("grade"));
            assertThat(rows.get(i).findElements(By.tagName("td")).get(0).getText())
                    .isEqualTo(String.valueOf(levels.get(i).get("sends")));
        }
        shot("dashboard");

        // Keyboard first: the first Tab reaches the skip link, and it leads to the main content.
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(script("return document.activeElement.className")).isEqualTo("skip-link");
        // Signing in again lands on the dashboard, now that the logbook has ticks.
        browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
        waitFor(ExpectedConditions.urlContains("done=signed-out"));
        type("#login", username);
        type("#password", password);
        submit("main form");
        waitFor(ExpectedConditions.urlContains("/dashboard"));

        // A phone: nothing wider than the screen on any page a climber walks through in the first
        // hour (wide tables scroll inside their own box); the logbook's ticks become cards.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String page : List.of("/dashboard", "/pyramid", "/progression", "/where-and-when", "/characteristics",
                "/logbook", "/logbook/import", "/account", "/coach", "/pricing")) {
            open(page);
            assertFitsThePhone(page);
            shot("phone-" + page.substring(1).replace('/', '-'));
        }
        open("/logbook");
        assertThat(script("return getComputedStyle(document.querySelector('#ticks tbody tr')).display")).isEqualTo("grid");
        assertThat(script("var a = document.querySelector('#ticks tbody tr a[href*=\"/edit\"]').getBoundingClientRect();"
                + "return a.right <= window.innerWidth && a.width > 0;")).as("Edit within reach on a phone").isEqualTo(true);
        // On the phone too: edit a card's tick, come back to the list, delete it and undo.
        open("/logbook?discipline=trad");
        String tradRoute = text("#ticks tbody tr td.route-cell");
        browser.findElement(By.cssSelector("#ticks tbody tr a[href*='/edit']")).click();
        assertFitsThePhone("the tick form");
        submit("main form[action^='/logbook/ticks/']");
        waitFor(ExpectedConditions.urlContains("/logbook?discipline=trad&done=saved"));
        browser.findElement(By.cssSelector("#ticks tbody tr a[href*='/edit']")).click();
        browser.findElement(By.cssSelector("form.delete-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("done=deleted"));
        assertFitsThePhone("/logbook after a delete");
        browser.findElement(By.id("undo-delete")).click();
        waitFor(ExpectedConditions.urlContains("done=restored"));
        assertThat(text("#ticks tbody tr td.route-cell")).isEqualTo(tradRoute);
        shot("phone-undo");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        // Progression on a real time axis: the months without climbing are there, and a line breaks across them.
        open("/progression");
        waitFor(d -> script("return typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('progress-sport'))"));
        assertThat(script("return Chart.getChart(document.getElementById('progress-sport')).scales.x.type")).isEqualTo("linear");
        assertThat(script("return Chart.getChart(document.getElementById('progress-sport')).data.datasets.some(function (d) {"
                + "  return d.type === 'line' && d.data.some(function (p) { return p.y === null; }); })"))
                .as("a gap in the hardest-grade line").isEqualTo(true);
        assertThat(browser.findElement(By.id("volume-table")).isDisplayed()).as("the numbers folded away").isFalse();
        shot("progression");

        // Where and when: every year of the logbook, and a day's numbers on a tap.
        open("/where-and-when");
        List<WebElement> years = browser.findElements(By.cssSelector(".year-picker a"));
        assertThat(years).hasSizeGreaterThan(1);
        String oldest = years.get(years.size() - 1).getText();
        years.get(years.size() - 1).click();
        waitFor(ExpectedConditions.urlContains("year=" + oldest));
        assertThat(text("#days-heading")).isEqualTo("Days out in " + oldest);
        browser.findElement(By.cssSelector(".heatmap [data-day]:not(.heat-0)")).click();
        assertThat(text("#day-detail")).matches(".*: \\d+ ticks?, \\d+ pitch(es)?\\.");
        shot("where-and-when");

        String hardest = (String) levels.get(0).get("grade");
        open("/logbook?discipline=sport&send=true&sort=grade");
        browser.findElement(By.cssSelector("#ticks tbody tr a[href*='/edit']")).click();
        assertAccessible("the tick form");
        WebElement grade = browser.findElement(By.id("grade"));
        grade.clear();
        grade.sendKeys("5.13a");
        submit("main form[action^='/logbook/ticks/']");
        // Back on the same list, filters and order kept.
        waitFor(ExpectedConditions.urlContains("done=saved"));
        assertThat(browser.getCurrentUrl()).contains("/logbook?discipline=sport&send=true&sort=grade&done=saved");
        shot("tick-edited");

        // Delete, then think better of it: Undo brings the tick back where it was.
        String firstRoute = text("#ticks tbody tr td.route-cell");
        browser.findElement(By.cssSelector("#ticks tbody tr a[href*='/edit']")).click();
        browser.findElement(By.cssSelector("form.delete-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("done=deleted"));
        assertThat(text("#done-message")).contains("Tick deleted.");
        assertThat(text("#ticks tbody tr td.route-cell")).isNotEqualTo(firstRoute);
        shot("tick-deleted");
        browser.findElement(By.id("undo-delete")).click();
        waitFor(ExpectedConditions.urlContains("done=restored"));
        assertThat(text("#ticks tbody tr td.route-cell")).isEqualTo(firstRoute);
        shot("tick-restored");
        open("/dashboard");
        assertThat(text("#pyramid-table tbody tr th")).isEqualTo("5.13a").isNotEqualTo(hardest);
        shot("pyramid-changed");

        // The pyramid page: more levels, and the crux of the top route described, which the
        // characteristics page then counts.
        open("/pyramid?levels=6");
        assertThat(browser.findElements(By.cssSelector("#pyramid-table tbody tr"))).hasSize(6);
        browser.findElement(By.cssSelector("#pyramid-table details.route summary")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#pyramid-table details[open] select[name=cruxAngle]")))
                .selectByValue("overhang");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#pyramid-table details[open] select[name=cruxEnergy]")))
                .selectByValue("power-endurance");
        browser.findElement(By.cssSelector("#pyramid-table details[open] button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("/pyramid?discipline=sport&levels=6"));
        assertThat(text("#pyramid-table details.route summary")).contains("overhang · power-endurance");
        shot("pyramid-page");
        open("/characteristics");
        assertThat(text("#crux-mix tbody tr")).contains("overhang: 1").contains("power-endurance: 1");
        shot("characteristics");

        // Issue #16 on the pages: a search finds every level of a place ("Red River Gorge" is a
        // region, each tick shows its crag), and the sport pyramid's "count top ropes and follows"
        // adds the sport routes only top-roped or followed.
        long inTheGorge = SharedExports.rows(SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv")).stream()
                .filter(row -> row.get("Location").toLowerCase().contains("red river gorge")).count();
        open("/logbook?q=Red+River+Gorge");
        assertThat(browser.findElements(By.cssSelector("table.data tbody tr"))).hasSize((int) Math.min(inTheGorge, 50));
        shot("search-every-level");
        open("/pyramid?discipline=sport&levels=8");
        int ledOnly = pyramidSends();
        open("/pyramid?discipline=sport&levels=8&includeFollows=true");
        assertThat(pyramidSends()).isGreaterThan(ledOnly);
        shot("pyramid-with-follows");

        Object csv = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/logbook/export?format=csv').then(r => r.text()).then(done);");
        assertThat(csv.toString()).startsWith("\"Date\",\"Route\",\"Rating\"").contains("5.13a");
        assertThat(SharedExports.rows(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))).hasSize(567);

        open("/coach");
        browser.findElement(By.cssSelector("form[action='/coach/conversations'] button")).click();
        waitFor(ExpectedConditions.urlMatches("/coach/[0-9a-f-]{36}$"));
        type("#content", "What should I work on next?");
        browser.findElement(By.id("ask-button")).click();
        awaitText("#coach-status", "Done.");
        assertThat(browser.findElements(By.cssSelector("#messages li.assistant .chat-text ul li"))).as("the answer's list")
                .isNotEmpty();
        assertAccessible("a conversation with the coach");
        assertThat(text("#messages li.assistant .chat-text")).startsWith("Insights from your logbook")
                .contains("Your sport pyramid tops out at 5.13a");
        shot("coach-answered");
        browser.navigate().refresh();
        assertThat(text("#messages li.user .chat-text")).isEqualTo("What should I work on next?");
        assertThat(text("#messages li.assistant .chat-text")).contains("Your sport pyramid tops out at 5.13a");
        browser.findElement(By.linkText("What the coach saw")).click();
        waitFor(ExpectedConditions.urlContains("/context"));
        assertAccessible("what the coach saw");

        open("/account");
        // The two-step set-up (its QR code drawn in the page) is a page of its own for axe too.
        browser.findElement(By.cssSelector("form[action='/account/two-step/setup'] button")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#two-step svg")));
        assertAccessible("/account, setting up two-step sign-in");
        type("#deletePassword", password);
        type("#confirmation", "DELETE");
        browser.findElement(By.cssSelector("form[action='/account/delete'] button")).click();
        waitFor(ExpectedConditions.urlContains("done=deleted"));
        shot("account-deleted");
        type("#login", username);
        type("#password", password);
        submit("main form");
        // The page we are leaving has a .flash of its own ("account deleted"): wait for the new one,
        // which also rides out the moment the old element goes stale during navigation.
        awaitText(".flash", "do not match");
        shot("sign-in-refused");
        assertAccessible("/signin, refused");

        // A visitor tries the sample logbook, sees it marked as a sample, and keeps it as an account.
        browser.manage().deleteAllCookies();
        open("/");
        browser.findElement(By.cssSelector("form[action='/try'] button")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-label"), "added"));
        open("/dashboard");
        assertThat(text(".banner")).contains("sample logbook");
        browser.findElement(By.linkText("Keep it as your own account")).click();
        waitFor(ExpectedConditions.urlContains("/account"));
        assertAccessible("/account, a guest's");
        String keeper = Climbers.uniqueName("keeper");
        type("#keepEmail", keeper + "@example.test");
        type("#keepUsername", keeper);
        type("#keepPassword", "kept the sample logbook");
        submit("form[action='/account/keep']");
        waitFor(ExpectedConditions.urlContains("done=kept"));
        assertThat(text(".flash")).contains("now your account");
        assertThat(browser.findElements(By.cssSelector(".banner")).stream().map(WebElement::getText))
                .noneMatch(banner -> banner.contains("sample logbook"));
        open("/dashboard");
        assertThat(text("#stat-ticks")).isEqualTo("567");
        shot("sample-kept");

        // The pages the journey has not passed through, checked by axe as well: every page of the app.
        open("/logbook/import");
        String importPage = browser.findElement(By.cssSelector("table.data a[href^='/logbook/imports/']")).getDomAttribute("href");
        open("/logbook/ticks/" + ticksFirstId() + "/edit");
        for (String page : List.of(importPage, "/logbook/ticks/new", "/logbook/deleted", "/coach/profile", "/terms", "/privacy",
                "/pricing", "/billing/success", "/no-such-page")) {
            open(page);
        }
        open("/coach");
        browser.findElement(By.cssSelector("form[action='/coach/conversations'] button")).click();
        waitFor(ExpectedConditions.urlMatches("/coach/[0-9a-f-]{36}$"));
        assertAccessible("a new conversation");
        browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
        waitFor(ExpectedConditions.urlContains("done=signed-out"));
        assertAccessible("/signin, signed out");
        for (String page : List.of("/forgot-password", "/reset-password?token=not-a-token", "/verify-email?token=not-a-token")) {
            open(page);
        }

        assertThat(pagesChecked).as("pages axe checked").isGreaterThanOrEqualTo(40);
    }

    /** The id of the first tick on the logbook's first page. */
    private String ticksFirstId() {
        open("/logbook");
        String edit = browser.findElement(By.cssSelector("#ticks tbody tr a[href*='/edit']")).getDomAttribute("href");
        return edit.substring("/logbook/ticks/".length(), edit.indexOf("/edit"));
    }

    /** Nothing on the page reaches past the viewport, but for what scrolls inside its own box. */
    private void assertFitsThePhone(String page) {
        assertThat(script("var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && r.right > w + 1 && !e.closest('.table-scroll:not(.cards-on-phone)')) {"
                + "    out.push(e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(r.right)); }"
                + "});"
                + "return out.slice(0, 10);")).as(page + ": elements wider than a phone").asList().isEmpty();
        assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as(page + " scrolls sideways").isEqualTo(true);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> apiPyramid(String username, String password) {
        Climbers.Tokens tokens = new Climbers(http).tokens(username, password);
        return http.get().uri("/api/v1/analytics/pyramid?discipline=sport").header("Authorization", "Bearer " + tokens.accessToken())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The sends of every level of the pyramid table on the page. */
    private int pyramidSends() {
        return browser.findElements(By.cssSelector("#pyramid-table tbody tr")).stream()
                .mapToInt(row -> Integer.parseInt(row.findElements(By.tagName("td")).get(0).getText().trim().split("\\D")[0]))
                .sum();
    }

    /** Opens a page and has axe-core check it against WCAG 2.1 A and AA. */
    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        assertAccessible(path);
    }

    /**
     * axe-core (the webjar, test scope) run in the page as it is now. Chromium evaluates it in
     * every new document (see {@link #startBrowser}); the page itself loads no script for it.
     */
    private void assertAccessible(String page) {
        assertThat(script("return typeof axe")).as(page + ": axe-core loaded").isEqualTo("object");
        Object violations = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })"
                + "  .then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + "    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', '); })); })"
                + "  .catch(function (e) { done(['axe did not run: ' + e]); });");
        assertThat((List<?>) violations).as(page + ": accessibility violations").isEmpty();
        pagesChecked++;
    }

    private static final String AXE = axeScript();

    private static String axeScript() {
        try (var in = BrowserJourneyTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core's webjar is not on the test classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void type(String css, String value) {
        WebElement field = browser.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(value);
    }

    private void submit(String formCss) {
        browser.findElement(By.cssSelector(formCss + " button[type=submit]")).click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Waits until the element matching css (re-located on every poll) contains the text; fails after 60 s. */
    private void awaitText(String css, String expected) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private <T> void waitFor(java.util.function.Function<WebDriver, T> condition) {
        // Polled every 25 ms, not Selenium's default 500: the journey waits some thirty times.
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(25)).until(condition::apply);
    }

    private void shot(String name) throws IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(String.format("%02d-%s.png", ++step, name)), png);
    }
}
