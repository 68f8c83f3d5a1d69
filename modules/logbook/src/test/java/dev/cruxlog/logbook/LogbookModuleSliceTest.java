package dev.cruxlog.logbook;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cruxlog.identity.testing.IdentityStandIn;
import dev.cruxlog.identity.testing.OwnerAccounts;
import dev.cruxlog.logbook.application.ImportService;
import dev.cruxlog.logbook.application.TickService;
import dev.cruxlog.logbook.domain.HandEnteredTick;
import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.ModuleSliceTest;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logbook module alone, where it meets PostgreSQL: a real export imported row for row through
 * the platform's job queue, hand-entered ticks kept in step with whoever listens for changes (the
 * analytics module in the app; a recording listener here), owner scoping and erasure. Identity is
 * its stand-in; grades, reference data, is booted beside it.
 */
@ModuleSliceTest(extraIncludes = "grades")
class LogbookModuleSliceTest {

    @Autowired
    ImportService imports;

    @Autowired
    TickService ticks;

    @Autowired
    List<ErasesAccountData> erasures;

    @Autowired
    RecordingListener listener;

    @Autowired
    DatabaseClient db;

    @Autowired
    LogbookStatistics statistics;

    @BeforeEach
    void listenerAgrees() {
        listener.failing.set(false);
    }

    @Test
    void aRealExportIsImportedRowForRowThroughTheJobQueueAndItsListenerTold() throws Exception {
        UUID climber = OwnerAccounts.create(db);
        byte[] file = Files.readAllBytes(SharedData.file("mountain-project/ticks-sport-trad-567.csv"));

        ImportView done = finished(climber, imports.upload(climber, null, "ticks.csv", file).block(Duration.ofSeconds(30)).id());

        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(done.rowsRead()).isEqualTo(567);
        assertThat(done.ticksAdded()).isEqualTo(567);
        assertThat(count("SELECT count(*) FROM logbook.tick WHERE owner_id = :owner", climber)).isEqualTo(567);
        assertThat(listener.changed).contains(climber);
    }

    /**
     * An import that only adds folds the logbook's figures while its rows are copied (ADR 0023):
     * what it hands its listener must be what reading the logbook afterwards gives, with ticks it
     * already held on the same day, and route keys lower-cased by PostgreSQL, whose rules for
     * "İ" and a final "Σ" are not Java's.
     */
    @Test
    void anImportThatOnlyAddsHandsOverTheFiguresAReadOfTheLogbookGives() throws Exception {
        UUID climber = OwnerAccounts.create(db);
        ticks.create(climber, tick("Owned Route")).block(Duration.ofSeconds(10));
        String ukc = """
                Name,Grade,Style,Partner(empty),Notes,Date,Crag,County,Region,Country,Pitches,Type
                "ΣΟΦΟΣ",5.10a,Lead RP,,,02/May/24,"Kalymnos Grande",,Dodecanese,Greece,1,Sport
                "ΣΟΦΟΣ",5.10a,Lead dnf,,,01/May/24,"Kalymnos Grande",,Dodecanese,Greece,1,Sport
                "İnce Yol",5.9,Lead O/S,,,01/May/24,"Geyikbayırı",,Antalya,Turkey,1,Sport
                "Five Gallon Buckets",5.8,Lead,,,30/Apr/24,"Smith Rock","OR Smith Rocks",Oregon,USA,1,Sport
                """;

        // Half an emoji in a route's and a crag's name (JSON may escape a lone surrogate): stored as
        // UTF-8 can store it, and folded as stored.
        String eightA = Files.readString(SharedData.file("eight-a/ascents-boulder-160.json"))
                .replace("\"zlaggableName\":\"Eagle Face\"", "\"zlaggableName\":\"Eagle \\ud83d Face\"")
                .replace("\"cragName\":\"Way Lake\"", "\"cragName\":\"Way \\ud83d Lake\"");
        assertThat(eightA).contains("Eagle \\ud83d Face");

        for (Map.Entry<String, byte[]> file : List.of(
                Map.entry("logbook.csv", ukc.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Map.entry("ticks.csv", Files.readAllBytes(SharedData.file("mountain-project/ticks-sport-trad-567.csv"))),
                Map.entry("ascents.json", eightA.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            listener.handedOver.remove(climber);
            ImportView done = finished(climber,
                    imports.upload(climber, null, file.getKey(), file.getValue()).block(Duration.ofSeconds(30)).id());
            assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(ImportStatus.SUCCEEDED);

            assertThat(listener.handedOver.get(climber)).as("figures handed over by an import that only added")
                    .isNotNull()
                    .isEqualTo(statistics.wholeLogbook(climber).block(Duration.ofSeconds(30)));
        }
        // Whatever the test database's character type makes of them (C.UTF-8 here: "σοφοσ", "ince yol").
        List<String> lowered = db.sql("SELECT lower(name) AS lowered FROM unnest(CAST(:names AS text[])) WITH ORDINALITY AS n(name, i) ORDER BY i")
                .bind("names", new String[] {"ΣΟΦΟΣ", "İnce Yol"}).map(row -> row.get("lowered", String.class)).all()
                .collectList().block(Duration.ofSeconds(10));
        assertThat(listener.handedOver.get(climber).get(SendCounting.LEADS_AND_BOULDERS).firstSends().get("sport"))
                .extracting(LogbookStatistics.RouteSend::routeKey)
                .as("keyed as the database lower-cases")
                .contains(lowered.get(0) + "|Dodecanese, Greece", lowered.get(1) + "|Antalya, Turkey");
        assertThat(lowered).as("which is not Java's: a test that would catch Java's lower-casing")
                .doesNotContain("ΣΟΦΟΣ".toLowerCase(java.util.Locale.ROOT), "İnce Yol".toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void everyWriteAnnouncesItselfBeforeItChangesTheLogbook() throws Exception {
        UUID climber = OwnerAccounts.create(db);
        UUID tick = ticks.create(climber, tick("Announced Route")).block(Duration.ofSeconds(10)).id();
        ticks.update(climber, tick, tick("Renamed Route")).block(Duration.ofSeconds(10));
        ticks.delete(climber, tick).block(Duration.ofSeconds(10));
        finished(climber, imports.upload(climber, null, "ticks.csv",
                Files.readAllBytes(SharedData.file("mountain-project/ticks-small-4.csv"))).block(Duration.ofSeconds(10)).id());

        assertThat(listener.events.stream().filter(event -> event.endsWith(climber.toString())).map(e -> e.split(" ")[0]))
                .as("create, edit, delete, import: each announced, then told")
                .containsExactly("changing", "changed", "changing", "changed", "changing", "changed", "changing", "folded");
    }

    @Test
    void aTickIsNotKeptWhenItsListenerFailsSoNoReaderSeesItWithoutItsFigures() {
        UUID climber = OwnerAccounts.create(db);
        listener.failing.set(true);

        StepVerifier.create(ticks.create(climber, tick("Refused Route")))
                .expectErrorMessage("the figures could not follow")
                .verify(Duration.ofSeconds(10));

        assertThat(count("SELECT count(*) FROM logbook.tick WHERE owner_id = :owner", climber))
                .as("rolled back with the listener").isZero();
    }

    @Test
    void anotherClimbersTickIsNeitherReadNorChangedNorDeleted() {
        UUID owner = OwnerAccounts.create(db);
        UUID stranger = OwnerAccounts.create(db);
        UUID tick = ticks.create(owner, tick("Owned Route")).block(Duration.ofSeconds(10)).id();

        assertThat(ticks.find(stranger, tick).blockOptional(Duration.ofSeconds(10))).isEmpty();
        assertThat(ticks.update(stranger, tick, tick("Taken Route")).blockOptional(Duration.ofSeconds(10))).isEmpty();
        assertThat(ticks.delete(stranger, tick).block(Duration.ofSeconds(10))).isFalse();
        assertThat(ticks.all(stranger).collectList().block(Duration.ofSeconds(10))).isEmpty();

        assertThat(ticks.find(owner, tick).block(Duration.ofSeconds(10)).route()).isEqualTo("Owned Route");
    }

    @Test
    void erasingAnAccountTakesAllItsLogbookRowsAndNoOneElses() throws Exception {
        UUID leaving = OwnerAccounts.create(db);
        UUID staying = OwnerAccounts.create(db);
        for (UUID climber : List.of(leaving, staying)) {
            UUID deleted = ticks.create(climber, tick("Deleted Route")).block(Duration.ofSeconds(10)).id();
            ticks.delete(climber, deleted).block(Duration.ofSeconds(10));
            ticks.create(climber, tick("Kept Route")).block(Duration.ofSeconds(10));
            // Finished before the erasure: in the app the account row goes with it, so a job still
            // running would fail on the owner's foreign key; here the account stays.
            finished(climber, imports.upload(climber, null, "ticks.csv",
                    Files.readAllBytes(SharedData.file("mountain-project/ticks-small-4.csv"))).block(Duration.ofSeconds(10)).id());
        }

        Flux.fromIterable(erasures).concatMap(erasure -> erasure.erase(new AccountErased(leaving)))
                .then().block(Duration.ofSeconds(30));

        for (String table : List.of("tick", "deleted_tick", "import")) {
            assertThat(count("SELECT count(*) FROM logbook." + table + " WHERE owner_id = :owner", leaving)).as(table).isZero();
            assertThat(count("SELECT count(*) FROM logbook." + table + " WHERE owner_id = :owner", staying)).as(table).isPositive();
        }
    }

    /** The import once the job queue has run it (it polls every 200 ms here). */
    private ImportView finished(UUID climber, UUID importId) {
        return Eventually.answer(() -> imports.find(climber, importId),
                view -> view.status() == ImportStatus.SUCCEEDED || view.status() == ImportStatus.FAILED, Duration.ofSeconds(65));
    }

    private static HandEnteredTick tick(String route) {
        return new HandEnteredTick(route, LocalDate.of(2024, 5, 1), "5.11a", "sport", "redpoint", 1, 90, "Nevada > Red Rock",
                "slice", List.of());
    }

    private long count(String sql, UUID owner) {
        return db.sql(sql).bind("owner", owner).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    /** Whoever keeps figures of a logbook (analytics, in the app): told of every change, or failing on demand. */
    static class RecordingListener implements LogbookChangeListener {

        final List<UUID> changed = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        final Map<UUID, Map<SendCounting, LogbookStatistics.WholeLogbookFigures>> handedOver = new ConcurrentHashMap<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public Mono<Void> logbookChanging(UUID owner) {
            return Mono.fromRunnable(() -> events.add("changing " + owner));
        }

        @Override
        public Mono<Void> logbookChanged(UUID owner) {
            return told(owner, "changed");
        }

        @Override
        public Mono<Void> logbookChanged(UUID owner, Map<SendCounting, LogbookStatistics.WholeLogbookFigures> wholeLogbook) {
            return told(owner, "folded").doOnSuccess(done -> handedOver.put(owner, wholeLogbook));
        }

        private Mono<Void> told(UUID owner, String how) {
            return Mono.defer(() -> {
                if (failing.get()) {
                    return Mono.error(new IllegalStateException("the figures could not follow"));
                }
                changed.add(owner);
                events.add(how + " " + owner);
                return Mono.empty();
            });
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModules extends IdentityStandIn {

        @Bean
        RecordingListener figures() {
            return new RecordingListener();
        }
    }
}
