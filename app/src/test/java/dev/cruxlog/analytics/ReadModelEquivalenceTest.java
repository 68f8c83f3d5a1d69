package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: the analytics read model answers exactly as the from-scratch computation over the
 * ticks ({@link ReadModelOracle}) for every shared export, a 10,000-tick logbook and a seeded
 * random sequence of writes. The versioned rebuild is {@link ReadModelRebuildTest}.
 */
@CruxlogIntegrationTest
class ReadModelEquivalenceTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    ApplicationContext application;

    @Autowired
    LogbookFigures stored;

    @Autowired
    dev.cruxlog.analytics.application.LapsedFiguresSweep lapsedSweep;

    private ReadModelOracle oracle;

    @BeforeEach
    void askTheOracle() {
        oracle = ReadModelOracle.of(application);
    }

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

        oracle.assertTheReadModelMatchesTheTicks(climber, export);
        setCountTopRopesAndFollows(climber, true);
        oracle.assertTheEndpointsMatch(climber, export + ", top ropes and follows counted");
    }

    @Test
    void aTenThousandTickLogbookReadsTheSameFromTheReadModel() {
        Climber climber = new Climbers(http).verified("read-model-10k");
        Map<String, Object> result = new LogbookImports(http).upload(climber, generatedExport(new Random(10_000), 10_000),
                "ticks.csv", null);
        assertThat(result.get("status")).isEqualTo("succeeded");
        assertThat(((Number) result.get("rowsRead")).intValue()).isEqualTo(10_000);
        assertThat(tickIds(climber)).hasSize(((Number) result.get("ticksAdded")).intValue()).hasSizeGreaterThan(9_900);

        oracle.assertTheReadModelMatchesTheTicks(climber, "10,000 generated ticks");
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
            oracle.assertTheFiguresMatch(climber, "step " + step + " (" + did + ")");
        }
        oracle.assertTheEndpointsMatch(climber, "after the random sequence");
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
        oracle.assertTheFiguresMatch(climber, "after 12 concurrent creates");
    }

    /**
     * An import that only adds folds its figures from what the logbook held when it began (ADR
     * 0023), so it must not begin while another write of the climber is uncommitted: that write
     * would commit under the import's figures and be lost from them. Here the other write is a
     * transaction holding the read model's per-climber lock (as every write does from its
     * announcement on) and renaming a held tick; the import waits for it, then folds the renamed
     * tick. (Without the lock taken at the announcement, the import read the old name before its
     * COPY and stored figures without the rename: this test failed.)
     */
    /**
     * The first key of the read model's per-climber lock, as R2dbcLogbookFigures takes it (the
     * second is the climber's id). Were it renamed there, the import would no longer wait for
     * this test's transaction and the test would fail, not pass.
     */
    private static final String CLIMBER_LOCK = "analytics.logbook_figure";

    @Test
    void anImportWaitsForAnUncommittedWriteOfTheClimberAndFoldsWhatItCommitted() {
        Climber climber = new Climbers(http).verified("rm-import-waits");
        LogbookImports imports = new LogbookImports(http);
        imports.importShared(climber, "mountain-project/ticks-small-4.csv");
        UUID owner = db.sql("SELECT id FROM identity.account WHERE username = :name").bind("name", climber.username())
                .map(row -> row.get("id", UUID.class)).one().block(Duration.ofSeconds(10));
        String renamed = tickIds(climber).get(0);
        io.r2dbc.spi.Connection other = Mono.from(application.getBean(io.r2dbc.spi.ConnectionFactory.class).create())
                .block(Duration.ofSeconds(10));
        try {
            Mono.from(other.beginTransaction()).block(Duration.ofSeconds(10));
            execute(other, "SELECT pg_advisory_xact_lock(hashtext('" + CLIMBER_LOCK + "'), hashtext('" + owner + "'))");
            execute(other, "UPDATE logbook.tick SET route = 'Renamed While Importing' WHERE id = '" + renamed + "'");

            String importId = imports.start(climber, generatedExport(new Random(2323), 2_000), "ticks.csv", null);
            // Seen from the database rather than waited out: the import's own statement waits
            // for the climber's lock, which the other transaction holds.
            Long waiting = Flux.interval(Duration.ofMillis(50)).onBackpressureDrop()
                    .concatMap(tick -> db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                                    + "AND classid = CAST(hashtext('" + CLIMBER_LOCK + "') AS oid) "
                                    + "AND objid = CAST(hashtext(:owner) AS oid) AND objsubid = 2")
                            .bind("owner", owner.toString()).map(row -> row.get(0, Long.class)).one())
                    .filter(count -> count > 0).next()
                    .timeout(Duration.ofSeconds(30), Mono.just(0L)).block(Duration.ofSeconds(40));
            assertThat(waiting).as("the import waits for the climber's lock").isPositive();
            assertThat(imports.status(climber, importId)).isEqualTo("running");
            assertThat(db.sql("SELECT count(*) FROM logbook.tick WHERE import_id = CAST(:id AS uuid)").bind("id", importId)
                    .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10)))
                    .as("no tick of the import is committed while it waits").isZero();

            Mono.from(other.commitTransaction()).block(Duration.ofSeconds(10));
            assertThat(imports.awaitFinished(climber, importId).get("status")).isEqualTo("succeeded");
        } finally {
            Mono.from(other.close()).block(Duration.ofSeconds(10));
        }

        oracle.assertTheFiguresMatch(climber, "an import that waited for an uncommitted rename");
    }

    private static void execute(io.r2dbc.spi.Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(io.r2dbc.spi.Result::getRowsUpdated)
                .then().block(Duration.ofSeconds(10));
    }

    /** Without this, both sides of the comparisons above could be the ticks. */
    @Test
    void wholeLogbookAnswersAreReadFromTheReadModelAndWindowsFromTheTicks() {
        Climber climber = new Climbers(http).verified("read-model-source");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        UUID owner = oracle.owner(climber);
        assertThat(routesIn(pyramid(climber, ""))).isPositive();

        // As a write would: a new revision, which every instance's decoded copy yields to.
        db.sql("UPDATE analytics.logbook_figure SET body = '[]', revision = nextval('analytics.logbook_figure_revision') "
                        + "WHERE owner_id = :owner AND figure = 'first-sends:sport'")
                .bind("owner", owner).fetch().rowsUpdated().block(Duration.ofSeconds(5));

        assertThat(routesIn(pyramid(climber, ""))).as("the whole logbook, from the read model").isZero();
        assertThat(routesIn(pyramid(climber, "&" + ReadModelOracle.EVERY_DAY))).as("a window, from the ticks").isPositive();
    }

    @Test
    void aReimportThatChangesNothingLeavesTheFiguresAsTheyWereAndOneThatAddsReplacesThem() {
        Climber climber = new Climbers(http).verified("read-model-reimport");
        LogbookImports imports = new LogbookImports(http);
        imports.importShared(climber, "mountain-project/ticks-small-4.csv");
        UUID owner = oracle.owner(climber);
        long revision = latestRevision(owner);

        imports.importShared(climber, "mountain-project/ticks-small-4.csv");
        assertThat(latestRevision(owner)).as("nothing added, changed or linked").isEqualTo(revision);

        imports.importShared(climber, "mountain-project/ticks-boulder-267.csv");
        assertThat(latestRevision(owner)).isGreaterThan(revision);
        oracle.assertTheFiguresMatch(climber, "after a second file");
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
        UUID owner = oracle.owner(climber);
        LocalDate today = db.sql("SELECT current_date AS today").map(row -> row.get("today", LocalDate.class)).one()
                .block(Duration.ofSeconds(5));
        Map<String, Object> tick = new LinkedHashMap<>(Map.of("route", "Next Week", "date", today.plusDays(6).toString(),
                "grade", "5.12a", "discipline", "sport", "style", "redpoint"));
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(tick).exchange().expectStatus().isCreated();

        List<LocalDate> validThrough = db.sql("SELECT DISTINCT valid_through FROM analytics.logbook_figure WHERE owner_id = :owner")
                .bind("owner", owner).map(row -> row.get("valid_through", LocalDate.class)).all().collectList()
                .block(Duration.ofSeconds(5));
        assertThat(validThrough).containsExactly(today.plusDays(4));
        oracle.assertTheReadModelMatchesTheTicks(climber, "a tick next week");

        // Days pass (the figures' last day moved back, as the calendar would): the sweep refreshes them.
        db.sql("UPDATE analytics.logbook_figure SET valid_through = current_date - 1 WHERE owner_id = :owner")
                .bind("owner", owner).fetch().rowsUpdated().block(Duration.ofSeconds(5));
        assertThat(stored.overview(owner, SendCounting.LEADS_AND_BOULDERS).blockOptional(Duration.ofSeconds(5)))
                .as("a lapsed figure is not read").isEmpty();
        assertThat(lapsedSweep.sweep().block(Duration.ofSeconds(30))).isPositive();
        assertThat(db.sql("SELECT DISTINCT valid_through FROM analytics.logbook_figure WHERE owner_id = :owner")
                .bind("owner", owner).map(row -> row.get("valid_through", LocalDate.class)).all().collectList()
                .block(Duration.ofSeconds(5))).containsExactly(today.plusDays(4));
        assertThat(stored.overview(owner, SendCounting.LEADS_AND_BOULDERS).blockOptional(Duration.ofSeconds(5)))
                .as("read from the read model again").isPresent();
    }

    // --- helpers ------------------------------------------------------------------------------

    private JsonNode pyramid(Climber climber, String query) {
        return oracle.body("/api/v1/analytics/pyramid?discipline=sport&levels=8" + query, climber);
    }

    private static int routesIn(JsonNode pyramid) {
        int routes = 0;
        for (JsonNode level : pyramid.get("levels")) {
            routes += level.get("routes").size();
        }
        return routes;
    }

    private List<String> tickIds(Climber climber) {
        return db.sql("SELECT t.id FROM logbook.tick t JOIN identity.account a ON a.id = t.owner_id WHERE a.username = :name "
                        + "ORDER BY t.id")
                .bind("name", climber.username()).map(row -> row.get("id", UUID.class).toString()).all().collectList()
                .block(Duration.ofSeconds(5));
    }

    private List<String> deletedIds(Climber climber) {
        JsonNode deleted = oracle.body("/api/v1/logbook/deleted-ticks", climber);
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
