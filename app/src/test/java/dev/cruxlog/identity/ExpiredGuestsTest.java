package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.identity.application.ExpiredGuests;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Browser.Page;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.DatabaseRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Issue #15, point 7: sample logbooks ("Try it") are erased, with their ticks, after a week. */
@CruxlogIntegrationTest
class ExpiredGuestsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    ExpiredGuests expiredGuests;

    @Test
    void guestsOlderThanAWeekAreErasedWithEverythingTheyHold() {
        UUID old = guestWithSampleLogbook();
        UUID recent = guestWithSampleLogbook();
        Climber member = new Climbers(http).verified("longtime");
        db.sql("UPDATE identity.account SET created_at = now() - interval '8 days' WHERE id = :old OR username = :member")
                .bind("old", old).bind("member", member.username()).then().block(Duration.ofSeconds(10));
        DatabaseRows rows = new DatabaseRows(db);
        assertThat(rows.count("SELECT count(*) FROM logbook.tick WHERE owner_id = :id", Map.of("id", old))).isEqualTo(567);

        StepVerifier.create(expiredGuests.sweep()).assertNext(erased -> assertThat(erased).isGreaterThanOrEqualTo(1))
                .verifyComplete();

        assertThat(rows.count("SELECT count(*) FROM identity.account WHERE id = :id", Map.of("id", old))).isZero();
        assertThat(rows.count("SELECT count(*) FROM logbook.tick WHERE owner_id = :id", Map.of("id", old))).isZero();
        assertThat(rows.count("SELECT count(*) FROM logbook.import WHERE owner_id = :id", Map.of("id", old))).isZero();
        assertThat(rows.count("SELECT count(*) FROM identity.account WHERE id = :id", Map.of("id", recent))).isEqualTo(1);
        assertThat(rows.count("SELECT count(*) FROM logbook.tick WHERE owner_id = :id", Map.of("id", recent))).isEqualTo(567);
        assertThat(rows.count("SELECT count(*) FROM identity.account WHERE username = :name",
                Map.of("name", member.username()))).as("a real account of the same age").isEqualTo(1);
    }

    /** Opens a sample logbook from an address of its own and waits for its import. */
    private UUID guestWithSampleLogbook() {
        Browser browser = new Browser(http.mutate().defaultHeader("X-Forwarded-For", Climbers.nextAddress()).build());
        browser.get("/");
        Page started = browser.post("/try", Map.of());
        assertThat(started.status().value()).isEqualTo(303);
        Flux.interval(Duration.ZERO, Duration.ofMillis(250)).publishOn(Schedulers.boundedElastic())
                .map(tick -> browser.get(started.location()).document())
                .filter(page -> page.select("h1").text().contains("succeeded"))
                .blockFirst(Duration.ofSeconds(60));
        String importId = started.location().substring(started.location().lastIndexOf('/') + 1);
        return db.sql("SELECT owner_id FROM logbook.import WHERE id = :id").bind("id", UUID.fromString(importId))
                .map(row -> row.get("owner_id", UUID.class)).one().block(Duration.ofSeconds(10));
    }
}
