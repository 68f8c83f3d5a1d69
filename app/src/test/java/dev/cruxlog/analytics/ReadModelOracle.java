package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.analytics.application.LogbookFigures;
import dev.cruxlog.analytics.application.WholeLogbookReadModel;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.support.Climbers.Climber;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read model's oracle (issue #17): what it stored and what every analytics endpoint answers
 * about the whole logbook, compared with the from-scratch computation over the ticks. Two ways:
 * the figures the logbook's API computes now ({@link WholeLogbookReadModel#compute}) against the
 * stored ones, both ways of counting; and each endpoint asked about the whole logbook (the read
 * model) against the same endpoint asked for a window wider than any tick (always the ticks).
 */
final class ReadModelOracle {

    /** A window that holds every tick a logbook can have, and so is computed from the ticks. */
    static final String EVERY_DAY = "from=0001-01-01&to=9999-12-31";

    private final WebTestClient http;
    private final DatabaseClient db;
    private final JsonMapper json;
    private final WholeLogbookReadModel readModel;
    private final LogbookFigures stored;

    /** The oracle of the application a test runs against. */
    static ReadModelOracle of(ApplicationContext application) {
        return new ReadModelOracle(application.getBean(WebTestClient.class), application.getBean(DatabaseClient.class),
                application.getBean(JsonMapper.class), application.getBean(WholeLogbookReadModel.class),
                application.getBean(LogbookFigures.class));
    }

    private ReadModelOracle(WebTestClient http, DatabaseClient db, JsonMapper json, WholeLogbookReadModel readModel,
                            LogbookFigures stored) {
        this.http = http;
        this.db = db;
        this.json = json;
        this.readModel = readModel;
        this.stored = stored;
    }

    void assertTheReadModelMatchesTheTicks(Climber climber, String what) {
        assertTheFiguresMatch(climber, what);
        assertTheEndpointsMatch(climber, what);
    }

    /** Every stored figure, both ways of counting, equal to the logbook API's answer now. */
    void assertTheFiguresMatch(Climber climber, String what) {
        UUID owner = owner(climber);
        for (SendCounting counting : SendCounting.values()) {
            LogbookStatistics.WholeLogbookFigures fromTicks = readModel.compute(owner, counting).block(Duration.ofSeconds(30));
            LogbookStatistics.WholeLogbookFigures fromReadModel = storedFigures(owner, counting);
            assertThat(fromReadModel).as("%s, %s", what, counting).isNotNull();
            assertThat(fromReadModel.firstSends()).as("%s, %s: first sends", what, counting).isEqualTo(fromTicks.firstSends());
            assertThat(fromReadModel).as("%s, %s", what, counting).isEqualTo(fromTicks);
        }
    }

    private LogbookStatistics.WholeLogbookFigures storedFigures(UUID owner, SendCounting counting) {
        Mono<Map<String, List<dev.cruxlog.logbook.LogbookStatistics.RouteSend>>> firstSends = Flux.fromIterable(Pyramids.DISCIPLINES)
                .concatMap(discipline -> stored.firstSends(owner, counting, discipline).map(sends -> Map.entry(discipline, sends)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(firstSends, stored.overview(owner, counting), stored.hardestSendsByMonth(owner, counting),
                        stored.volumeByMonth(owner, counting), stored.days(owner, counting), stored.places(owner, counting),
                        stored.styles(owner, counting), stored.sendRates(owner, counting))
                .zipWith(stored.gradeDistribution(owner, counting), (all, grades) -> new LogbookStatistics.WholeLogbookFigures(all.getT1(), all.getT2(),
                        all.getT3(), all.getT4(), all.getT5(), all.getT6(), all.getT7(), all.getT8(), grades))
                .block(Duration.ofSeconds(10));
    }

    /**
     * Every analytics endpoint about the whole logbook (read model) against the same endpoint
     * for a window that holds every tick (from the ticks): pyramids of every discipline at 3 to
     * 8 levels, with and without follows, and the overview, progression, calendar, places and
     * characteristics, under the climber's current setting.
     */
    void assertTheEndpointsMatch(Climber climber, String what) {
        List<String> questions = new ArrayList<>();
        for (String discipline : Pyramids.DISCIPLINES) {
            for (int levels = 3; levels <= 8; levels++) {
                for (boolean follows : new boolean[] {false, true}) {
                    questions.add("pyramid?discipline=" + discipline + "&levels=" + levels + "&includeFollows=" + follows);
                }
            }
        }
        questions.addAll(List.of("overview", "progression", "calendar", "locations", "characteristics"));
        // Asked four at a time, each answer compared here on the test's thread: asked one at a time,
        // a core of the suite's two sat idle while the client waited for each of the 106 answers.
        List<BothAnswers> answers = Flux.fromIterable(questions)
                .flatMapSequential(question -> Mono.fromCallable(() -> new BothAnswers(question,
                                body("/api/v1/analytics/" + question, climber),
                                body("/api/v1/analytics/" + question + (question.contains("?") ? "&" : "?") + EVERY_DAY, climber)))
                        .subscribeOn(Schedulers.boundedElastic()), 4)
                .collectList().block(Duration.ofSeconds(120));
        assertThat(answers).hasSameSizeAs(questions);
        for (BothAnswers answer : answers) {
            if (answer.question().startsWith("pyramid")) {
                ((ObjectNode) answer.whole()).remove(List.of("from", "to"));
                ((ObjectNode) answer.window()).remove(List.of("from", "to"));
            }
            assertThat(answer.whole()).as("%s: %s", what, answer.question()).isEqualTo(answer.window());
        }
    }

    /** One analytics question asked about the whole logbook (the read model) and about a window holding every tick (the ticks). */
    private record BothAnswers(String question, JsonNode whole, JsonNode window) {
    }

    JsonNode body(String uri, Climber climber) {
        byte[] body = http.get().uri(uri).header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    UUID owner(Climber climber) {
        return db.sql("SELECT id FROM identity.account WHERE username = :name").bind("name", climber.username())
                .map(row -> row.get("id", UUID.class)).one().block(Duration.ofSeconds(5));
    }
}
