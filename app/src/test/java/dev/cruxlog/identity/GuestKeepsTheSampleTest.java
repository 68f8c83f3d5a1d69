package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Browser.Page;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.TestMail;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * "Try it with a sample logbook" and then keep it: every page says it is a sample, the account
 * page turns it into a real account (email, username, password) with its data, and a guest can
 * delete it without a password it never had.
 */
@CruxlogIntegrationTest
class GuestKeepsTheSampleTest {

    @Autowired
    WebTestClient http;

    @Test
    void aGuestSeesTheSampleMarkedEverywhereAndKeepsItWithEveryTickAsARealAccount() {
        Guest sample = guest();
        Browser guest = sample.browser();
        sample.awaitImported();
        for (String page : new String[] {"/dashboard", "/logbook", "/pyramid", "/account"}) {
            Document document = guest.get(page).document();
            assertThat(document.select(".banner").text()).as(page).contains("sample logbook");
            assertThat(document.select(".banner a[href=/account#keep]")).as(page).hasSize(1);
        }
        Document account = guest.get("/account").document();
        assertThat(account.select("h1").text()).isEqualTo("Your sample logbook");
        assertThat(account.select("#keep form[action=/account/keep]")).hasSize(1);
        assertThat(account.select("#deletePassword")).as("a guest never chose a password").isEmpty();
        assertThat(account.select("#currentPassword")).isEmpty();

        Page allWrong = guest.post("/account/keep", Map.of("keepEmail", "nowhere", "keepUsername", "x",
                "keepPassword", "short"));
        assertThat(allWrong.status().value()).isEqualTo(422);
        assertThat(allWrong.document().select("[aria-invalid=true]").eachAttr("id"))
                .containsExactly("keepEmail", "keepUsername", "keepPassword");

        Climber someone = new Climbers(http).verified("keeps-taken");
        Page taken = guest.post("/account/keep", Map.of("keepEmail", someone.email(),
                "keepUsername", Climbers.uniqueName("keeper"), "keepPassword", "a sample worth keeping"));
        assertThat(taken.status().value()).isEqualTo(422);
        assertThat(taken.document().select("#keepEmail-error").text()).contains("already has a Cruxlog account");

        String username = Climbers.uniqueName("keeper");
        String email = username + "@example.test";
        Page kept = guest.post("/account/keep", Map.of("keepEmail", email, "keepUsername", username,
                "keepPassword", "a sample worth keeping"));
        assertThat(kept.location()).isEqualTo("/account?done=kept");
        Document now = guest.get(kept.location()).document();
        assertThat(now.select("h1").text()).isEqualTo("Your account");
        assertThat(now.select(".flash").text()).contains("now your account");
        assertThat(now.select(".banner").text()).doesNotContain("sample logbook").contains("confirm your email");
        assertThat(guest.get("/dashboard").document().select("#stat-ticks").text()).as("the sample's ticks kept")
                .isEqualTo("567");
        assertThat(TestMail.await(email, "Confirm your email")).isNotNull();

        // The new credentials sign in; the logbook is there.
        Browser later = new Browser(http);
        later.get("/signin");
        Page signedIn = later.post("/signin", Map.of("login", username, "password", "a sample worth keeping"));
        assertThat(signedIn.location()).isEqualTo("/start");
        assertThat(later.get("/start").location()).isEqualTo("/dashboard");
        assertThat(later.get("/dashboard").document().select("#stat-ticks").text()).isEqualTo("567");

        // Kept once: the account is no guest any more, and cannot be "kept" over again.
        Page again = guest.post("/account/keep", Map.of("keepEmail", "other-" + email, "keepUsername", username + "x",
                "keepPassword", "another sample phrase"));
        assertThat(again.status().value()).isEqualTo(422);
        assertThat(later.get("/account").document().select("#username").attr("value")).isEqualTo(username);
    }

    @Test
    void aClimbersOwnAccountCannotBeTakenOverAsIfItWereASample() {
        Climber climber = new Climbers(http).verified("not-a-guest");
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        browser.get("/account");

        Page refused = browser.post("/account/keep", Map.of("keepEmail", "thief@example.test",
                "keepUsername", Climbers.uniqueName("thief"), "keepPassword", "a long new passphrase"));

        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.document().select(".flash").text()).contains("Only a sample logbook");
        Browser owner = new Browser(http);
        owner.get("/signin");
        assertThat(owner.post("/signin", Map.of("login", climber.username(), "password", climber.password())).location())
                .as("the password is unchanged").isEqualTo("/start");
    }

    @Test
    void aGuestDeletesTheSampleWithoutAPasswordItNeverHad() {
        Guest sample = guest();
        sample.awaitImported();
        Browser guest = sample.browser();
        guest.get("/account");

        Page deleted = guest.post("/account/delete", Map.of("confirmation", "DELETE"));

        assertThat(deleted.location()).isEqualTo("/signin?done=deleted");
        assertThat(guest.get("/account").status().value()).isEqualTo(303);
    }

    /** A visitor who clicked "Try it", and the page of the sample's import. */
    private record Guest(Browser browser, String importPage) {

        void awaitImported() {
            Flux.interval(Duration.ZERO, Duration.ofMillis(250))
                    .publishOn(Schedulers.boundedElastic())
                    .map(tick -> browser.get(importPage).document())
                    .filter(page -> page.select("h1").text().contains("succeeded"))
                    .blockFirst(Duration.ofSeconds(60));
        }
    }

    private Guest guest() {
        Browser guest = new Browser(http.mutate().defaultHeader("X-Forwarded-For", Climbers.nextAddress()).build());
        guest.get("/");
        Page started = guest.post("/try", Map.of());
        assertThat(started.location()).startsWith("/logbook/imports/");
        return new Guest(guest, started.location());
    }
}
