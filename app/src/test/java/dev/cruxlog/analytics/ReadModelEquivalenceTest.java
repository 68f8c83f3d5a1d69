package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.analytics.application.LogbookFigures;
import dev.cruxlog.analytics.application.ReadModelRebuildSweep;
import dev.cruxlog.analytics.application.WholeLogbookReadModel;
import dev.cruxlog.analytics.domain.ReadModelRules;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.TestDatabase;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #17: the analytics read model answers exactly as the from-scratch computation over the
 * ticks. Two oracles: the figures the logbook's API computes now ({@link WholeLogbookReadModel#compute}
 * against what the read model stored, both ways of counting), and every analytics endpoint
 * asked about the whole logbook (the read model) against the same endpoint asked for a window
 * wider than any tick (always computed from the ticks).
 */
@CruxlogIntegrationTest
class ReadModelEquivalenceTest {

    /** A window that holds every tick a logbook can have, and so is computed from the ticks. */
    private static final String EVERY_DAY = "from=0001-01-01&to=9999-12-31";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper json;

    @Autowired
    WholeLogbookReadModel readModel;

    @Autowired
    LogbookFigures stored;

    @Autowired
    ReadModelRebuildSweep rebuildSweep;

    @Autowired
    dev.cruxlog.analytics.application.LapsedFiguresSweep lapsedSweep;

    static Stream<String> sharedExports() {
        return Stream.of("mountain-project/ticks-small-4.csv", "mountain-project/ticks-sport-trad-567.csv",
                "mountain-project/ticks-boulder-267.csv", "mountain-project/ticks-excel-mangled-741.csv",
                "eight-a/ascents-boulder-160.json", "eight-a/ascents-boulder-178.json", "other-logbooks/8a-csv-export-9.csv",
                "other-logbooks/thecrag-export.csv", "other-logbooks/ukc-logbook-export.csv",
                "other-logbooks/ukc-logbook-export.xlsx", "other-logbooks/27crags-export.json",
                "other-logbooks/sendage-export.csv");
    }

    @ParameterizedTest
    @MethodSource("sharedExports")
    void everySharedExportReadsTheSameFromTheReadModelAsFromItsTicks(String export) {
        Climber climber = new Climbers(http).verified("read-model");
        new LogbookImports(http).importShared(climber, export);

        assertTheReadModelMatchesTheTicks(climber, export);
        setCountTopRopesAndFollows(climber, true);
        assertTheEndpointsMatch(climber, export + ", top ropes and follows counted");
    }

    @Test
    void aTenThousandTickLogbookReadsTheSameFromTheReadModel() {
        Climber climber = new Climbers(http).verified("read-model-10k");
        Map<String, Object> result = new LogbookImports(http).upload(climber, generatedExport(new Random(10_000), 10_000),
                "ticks.csv", null);
        assertThat(result.get("status")).isEqualTo("succeeded");
        assertThat(((Number) result.get("rowsRead")).intValue()).isEqualTo(10_000);
        assertThat(tickIds(climber)).hasSize(((Number) result.get("ticksAdded")).intValue()).hasSizeGreaterThan(9_900);

        assertTheReadModelMatchesTheTicks(climber, "10,000 generated ticks");
    }

    /**
     * Imports, hand-made ticks, edits, deletes, restores and cross-source duplicates (the same
     * climbs from Mountain Project and from Cruxlog's own export of them) in a seeded random order,
     * the read model compared with the ticks after every step.
     */
    @Test
    void aSeededRandomSequenceOfWritesKeepsTheReadModelEqualToTheTicksAfterEveryStep() {
        Climber climber = new Climbers(http).verified("read-model-random");
        LogbookImports imports = new LogbookImports(http);
        Random random = new Random(1717);
        List<String> files = List.of("mountain-project/ticks-small-4.csv", "mountain-project/ticks-sport-trad-567.csv",
                "eight-a/ascents-boulder-160.json", "other-logbooks/thecrag-export.csv");
        for (int step = 0; step < 40; step++) {
            int action = random.nextInt(10);
            String did;
            List<String> ticks = tickIds(climber);
            if (action == 0 || ticks.isEmpty()) {
                String file = files.get(random.nextInt(files.size()));
                imports.importShared(climber, file);
                did = "import " + file;
            } else if (action == 1) {
                // Cruxlog's own export, imported back under another source name, is the same
                // climbs from another source: the duplicate links must be folded as the ticks are.
                byte[] export = http.get().uri("/api/v1/logbook/export").header("Authorization", climber.bearer())
                        .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
                did = "re-import own export: " + imports.upload(climber, export, "cruxlog-export.csv", null).get("status");
            } else if (action <= 4) {
                http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(randomTick(random))
                        .exchange().expectStatus().isCreated();
                did = "create";
            } else if (action <= 6) {
                String id = ticks.get(random.nextInt(ticks.size()));
                http.patch().uri("/api/v1/logbook/ticks/" + id).header("Authorization", climber.bearer())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(randomEdit(random))
                        .exchange().expectStatus().isOk();
                did = "edit " + id;
            } else if (action <= 8) {
                String id = ticks.get(random.nextInt(ticks.size()));
                http.delete().uri("/api/v1/logbook/ticks/" + id).header("Authorization", climber.bearer())
                        .exchange().expectStatus().isNoContent();
                did = "delete " + id;
            } else {
                List<String> deleted = deletedIds(climber);
                if (deleted.isEmpty()) {
                    continue;
                }
                String id = deleted.get(random.nextInt(deleted.size()));
                http.post().uri("/api/v1/logbook/deleted-ticks/" + id + "/restore").header("Authorization", climber.bearer())
                        .exchange().expectStatus().isOk();
                did = "restore " + id;
            }
            assertTheFiguresMatch(climber, "step " + step + " (" + did + ")");
        }
        assertTheEndpointsMatch(climber, "after the random sequence");
    }

    @Test
    void concurrentWritesOfOneClimberLeaveTheFiguresOfEveryCommittedTick() {
        Climber climber = new Climbers(http).verified("read-model-concurrent");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-small-4.csv");
        Random random = new Random(42);
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ticks.add(randomTick(random));
        }
        Flux.fromIterable(ticks)
                .flatMap(tick -> Mono.fromRunnable(() -> http.post().uri("/api/v1/logbook/ticks")
                        .header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON).bodyValue(tick)
                        .exchange().expectStatus().isCreated()).subscribeOn(Schedulers.boundedElastic()), 6)
                .then().block(Duration.ofSeconds(60));

        assertThat(tickIds(climber)).hasSize(4 + 12);
        assertTheFiguresMatch(climber, "after 12 concurrent creates");
    }

    /** Without this, both sides of the comparisons above could be the ticks. */
    @Test
    void wholeLogbookAnswersAreReadFromTheReadModelAndWindowsFromTheTicks() {
        Climber climber = new Climbers(http).verified("read-model-source");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        UUID owner = owner(climber);
        assertThat(routesIn(pyramid(climber, ""))).isPositive();

        // As a write would: a new revision, which every instance's decoded copy yields to.
        db.sql("UPDATE analytics.logbook_figure SET body = '[]', revision = nextval('analytics.logbook_figure_revision') "
                        + "WHERE owner_id = :owner AND figure = 'first-sends:sport'")
                .bind("owner", owner).fetch().rowsUpdated().block(Duration.ofSeconds(5));

        assertThat(routesIn(pyramid(climber, ""))).as("the whole logbook, from the read model").isZero();
        assertThat(routesIn(pyramid(climber, "&" + EVERY_DAY))).as("a window, from the ticks").isPositive();
    }

    /**
     * A climber whose figures were computed under other rules is answered from the ticks; the
     * rebuild (started by the sweep when the rules are newer than its last run, or when an
     * operator asks) replaces them through the job queue.
     */
    @Test
    void figuresOfOtherRulesAreNotReadAndTheRebuildReplacesThem() {
        Climber climber = new Climbers(http).verified("read-model-rebuild");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        UUID owner = owner(climber);
        JsonNode before = body("/api/v1/analytics/overview", climber);
        db.sql("UPDATE analytics.logbook_figure SET rules_version = rules_version - 1, "
                        + "body = CASE WHEN figure = 'overview' THEN CAST('{\"ticks\": 1}' AS json) ELSE body END WHERE owner_id = :owner")
                .bind("owner", owner).fetch().rowsUpdated().block(Duration.ofSeconds(5));

        assertThat(body("/api/v1/analytics/overview", climber)).as("older rules: computed from the ticks").isEqualTo(before);

        // The operator's command asks; the next sweep starts it.
        requestARebuildAsTheOperatorDoes();
        assertThat(rebuildSweep.sweep().block(Duration.ofSeconds(10))).isEqualTo(1L);
        assertThat(rebuildSweep.sweep().block(Duration.ofSeconds(10))).as("claimed once").isZero();
        // Until rebuilt, no climber's stored figures are trusted: the pages compute from the ticks.
        assertThat(body("/api/v1/analytics/overview", climber)).isEqualTo(before);
        Eventually.answer(() -> versionOf(owner), version -> version == ReadModelRules.VERSION, Duration.ofSeconds(60));
        assertTheReadModelMatchesTheTicks(climber, "after the rebuild");
        // The rebuild covers every climber of the suite's database, and until it ends every page
        // computes from the ticks. It ends here, so no later test runs beside it: the 10,000-tick
        // logbook's reads timed out behind it in a full run on a slow machine.
        Eventually.answer(this::rebuildJobsLeft, left -> left == 0, Duration.ofSeconds(180));
    }

    private Mono<Long> rebuildJobsLeft() {
        return db.sql("SELECT count(*) AS n FROM platform.job WHERE kind = 'analytics.rebuild-read-model' "
                        + "AND status IN ('queued', 'running')")
                .map(row -> row.get("n", Long.class)).one();
    }

    @Test
    void aReimportThatChangesNothingLeavesTheFiguresAsTheyWereAndOneThatAddsReplacesThem() {
        Climber climber = new Climbers(http).verified("read-model-reimport");
        LogbookImports imports = new LogbookImports(http);
        imports.importShared(climber, "mountain-project/ticks-small-4.csv");
        UUID owner = owner(climber);
        long revision = latestRevision(owner);

        imports.importShared(climber, "mountain-project/ticks-small-4.csv");
        assertThat(latestRevision(owner)).as("nothing added, changed or linked").isEqualTo(revision);

        imports.importShared(climber, "mountain-project/ticks-boulder-267.csv");
        assertThat(latestRevision(owner)).isGreaterThan(revision);
        assertTheFiguresMatch(climber, "after a second file");
    }

    private long latestRevision(UUID owner) {
        return db.sql("SELECT max(revision) AS r FROM analytics.logbook_figure WHERE owner_id = :owner").bind("owner", owner)
                .map(row -> row.get("r", Long.class)).one().block(Duration.ofSeconds(5));
    }

    /**
     * A jar from before the read model erases an account without knowing this table: its rows
     * must not stop the account's deletion (a rollback), so they cascade with it, unlike the
     * modules' own data (ADR 0014), which each module erases.
     */
    @Test
    void theReadModelsRowsGoWithTheirAccount() {
        String rule = db.sql("""
                        SELECT CAST(confdeltype AS text) AS confdeltype FROM pg_constraint
                         WHERE conrelid = CAST('analytics.logbook_figure' AS regclass) AND contype = 'f'
                           AND confrelid = CAST('identity.account' AS regclass)""")
                .map(row -> row.get("confdeltype", String.class)).one().block(Duration.ofSeconds(5));
        assertThat(rule).as("ON DELETE CASCADE").isEqualTo("c");
    }

    /** The overview's recent hard sends take in a tick dated after tomorrow on its eve, with no write. */
    @Test
    void figuresWithATickDatedAfterTomorrowHoldThroughTheDayBeforeItsEve() {
        Climber climber = new Climbers(http).verified("read-model-future");
        LocalDate today = db.sql("SELECT current_date AS today").map(row -> row.get("today", LocalDate.class)).one()
                .block(Duration.ofSeconds(5));
        Map<String, Object> tick = new LinkedHashMap<>(Map.of("route", "Next Week", "date", today.plusDays(6).toString(),
                "grade", "5.12a", "discipline", "sport", "style", "redpoint"));
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(tick).exchange().expectStatus().isCreated();

        List<LocalDate> validThrough = db.sql("SELECT DISTINCT valid_through FROM analytics.logbook_figure WHERE owner_id = :owner")
                .bind("owner", owner(climber)).map(row -> row.get("valid_through", LocalDate.class)).all().collectList()
                .block(Duration.ofSeconds(5));
        assertThat(validThrough).containsExactly(today.plusDays(4));
        assertTheReadModelMatchesTheTicks(climber, "a tick next week");

        // Days pass (the figures' last day moved back, as the calendar would): the sweep refreshes them.
        db.sql("UPDATE analytics.logbook_figure SET valid_through = current_date - 1 WHERE owner_id = :owner")
                .bind("owner", owner(climber)).fetch().rowsUpdated().block(Duration.ofSeconds(5));
        assertThat(stored.overview(owner(climber), SendCounting.LEADS_AND_BOULDERS).blockOptional(Duration.ofSeconds(5)))
                .as("a lapsed figure is not read").isEmpty();
        assertThat(lapsedSweep.sweep().block(Duration.ofSeconds(30))).isPositive();
        assertThat(db.sql("SELECT DISTINCT valid_through FROM analytics.logbook_figure WHERE owner_id = :owner")
                .bind("owner", owner(climber)).map(row -> row.get("valid_through", LocalDate.class)).all().collectList()
                .block(Duration.ofSeconds(5))).containsExactly(today.plusDays(4));
        assertThat(stored.overview(owner(climber), SendCounting.LEADS_AND_BOULDERS).blockOptional(Duration.ofSeconds(5)))
                .as("read from the read model again").isPresent();
    }

    private void requestARebuildAsTheOperatorDoes() {
        ProcessBuilder command = new ProcessBuilder("bash", Path.of("ops/rebuild-analytics.sh").toAbsolutePath().toString())
                .redirectErrorStream(true);
        command.environment().put("DATABASE_URL", TestDatabase.shared().url().toUrlString());
        try {
            Process process = command.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(db.sql("SELECT requested_at IS NOT NULL AS asked FROM analytics.read_model_rebuild")
                .map(row -> row.get("asked", Boolean.class)).one().block(Duration.ofSeconds(5))).isTrue();
    }

    // --- the comparisons ----------------------------------------------------------------------

    private void assertTheReadModelMatchesTheTicks(Climber climber, String what) {
        assertTheFiguresMatch(climber, what);
        assertTheEndpointsMatch(climber, what);
    }

    /** Every stored figure, both ways of counting, equal to the logbook API's answer now. */
    private void assertTheFiguresMatch(Climber climber, String what) {
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
    private void assertTheEndpointsMatch(Climber climber, String what) {
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

    // --- helpers ------------------------------------------------------------------------------

    private JsonNode body(String uri, Climber climber) {
        byte[] body = http.get().uri(uri).header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    private JsonNode pyramid(Climber climber, String query) {
        return body("/api/v1/analytics/pyramid?discipline=sport&levels=8" + query, climber);
    }

    private static int routesIn(JsonNode pyramid) {
        int routes = 0;
        for (JsonNode level : pyramid.get("levels")) {
            routes += level.get("routes").size();
        }
        return routes;
    }

    private UUID owner(Climber climber) {
        return db.sql("SELECT id FROM identity.account WHERE username = :name").bind("name", climber.username())
                .map(row -> row.get("id", UUID.class)).one().block(Duration.ofSeconds(5));
    }

    private Mono<Integer> versionOf(UUID owner) {
        return db.sql("SELECT coalesce(min(rules_version), 0) AS v FROM analytics.logbook_figure WHERE owner_id = :owner")
                .bind("owner", owner)
                .map(row -> row.get("v", Integer.class)).one();
    }

    private List<String> tickIds(Climber climber) {
        return db.sql("SELECT t.id FROM logbook.tick t JOIN identity.account a ON a.id = t.owner_id WHERE a.username = :name "
                        + "ORDER BY t.id")
                .bind("name", climber.username()).map(row -> row.get("id", UUID.class).toString()).all().collectList()
                .block(Duration.ofSeconds(5));
    }

    private List<String> deletedIds(Climber climber) {
        JsonNode deleted = body("/api/v1/logbook/deleted-ticks", climber);
        List<String> ids = new ArrayList<>();
        deleted.forEach(tick -> ids.add(tick.get("id").asString()));
        return ids;
    }

    private void setCountTopRopesAndFollows(Climber climber, boolean count) {
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("countTopRopesAndFollowsAsSends", count)).exchange().expectStatus().isOk();
    }

    private static final List<String> ROUTES = List.of("Arete Direct", "The Crack", "Roof Problem", "Slab Dance", "Dihedral",
            "Moonlight Buttress", "Small World");
    private static final List<String> GRADES = List.of("5.8", "5.9", "5.10a", "5.10c", "5.11a", "5.11d", "5.12a", "V2", "V4");
    private static final List<String> DISCIPLINES = List.of("sport", "trad", "tr", "boulder");
    private static final List<String> STYLES = List.of("onsight", "flash", "redpoint", "pinkpoint", "top-rope", "follow",
            "attempt", "repeat");

    private static Map<String, Object> randomTick(Random random) {
        Map<String, Object> tick = new LinkedHashMap<>();
        tick.put("route", ROUTES.get(random.nextInt(ROUTES.size())));
        tick.put("date", LocalDate.of(2019, 1, 1).plusDays(random.nextInt(1500)).toString());
        tick.put("grade", GRADES.get(random.nextInt(GRADES.size())));
        tick.put("discipline", DISCIPLINES.get(random.nextInt(DISCIPLINES.size())));
        tick.put("style", STYLES.get(random.nextInt(STYLES.size())));
        tick.put("pitches", 1 + random.nextInt(3));
        tick.put("location", random.nextBoolean() ? "New York > The Gunks > The Trapps" : "Kentucky > Red River Gorge > Muir Valley");
        return tick;
    }

    private static Map<String, Object> randomEdit(Random random) {
        Map<String, Object> tick = randomTick(random);
        // A partial edit: one to three fields change.
        List<String> keys = new ArrayList<>(tick.keySet());
        java.util.Collections.shuffle(keys, random);
        Map<String, Object> edit = new LinkedHashMap<>();
        for (String key : keys.subList(0, 1 + random.nextInt(3))) {
            edit.put(key, tick.get(key));
        }
        return edit;
    }

    /**
     * A Mountain Project export of {@code rows} ticks over 400 routes and ten years, in the
     * proportions of the benchmark's climbers: mostly sport leads, then trad and top ropes,
     * sends and attempts, notes on some.
     */
    static byte[] generatedExport(Random random, int rows) {
        StringBuilder csv = new StringBuilder("Date,Route,Rating,Notes,URL,Pitches,Location,\"Avg Stars\",\"Your Stars\",Style,"
                + "\"Lead Style\",\"Route Type\",\"Your Rating\",Length,\"Rating Code\"\n");
        String[] leadStyles = {"Onsight", "Flash", "Redpoint", "Redpoint", "Redpoint", "Fell/Hung", "Fell/Hung", "Pinkpoint"};
        for (int i = 0; i < rows; i++) {
            int route = 1 + random.nextInt(400);
            int level = 6 + Math.min(8, (int) Math.abs(random.nextGaussian() * 3));
            String grade = level < 10 ? "5." + level : "5." + (10 + (level - 10) / 4) + "abcd".charAt((level - 10) % 4);
            double kind = random.nextDouble();
            String type = route % 5 == 0 ? "Trad" : "Sport";
            String style = kind < 0.8 ? "Lead" : kind < 0.9 ? "TR" : "Follow";
            String leadStyle = style.equals("Lead") ? leadStyles[random.nextInt(leadStyles.length)] : "";
            String notes = random.nextDouble() < 0.4 ? "\"Fell twice above the 4th bolt, then sent.\"" : "";
            csv.append(LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3650))).append(',')
                    .append("\"Route ").append(route).append("\",").append(grade).append(',').append(notes).append(',')
                    .append("https://www.mountainproject.com/route/").append(105_000_000 + route * 7919).append("/route-")
                    .append(route).append(',').append(type.equals("Trad") ? 1 + random.nextInt(3) : 1).append(',')
                    .append("\"State ").append(route % 5).append(" > Area ").append(route % 12).append(" > Crag ")
                    .append(route % 30).append("\",2.5,-1,").append(style).append(',').append(leadStyle).append(',')
                    .append(type).append(",,").append(40 + route % 160).append(",\n");
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
