package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.jobs.JobQueue;
import dev.cruxlog.platform.jobs.JobView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** In-memory stand-ins for the read model's ports, recording what was asked of them. */
final class ReadModelFakes {

    private ReadModelFakes() {
    }

    /**
     * The logbook's figures for climbers of a few ticks: one route sent, its style told apart
     * by the way of counting (a top rope counted only when top ropes are), one day a week ahead.
     */
    static final class Statistics implements LogbookStatistics {

        // Written by the job queue's workers too when a module slice uses this fake.
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<UUID> climbers = new CopyOnWriteArrayList<>();
        RuntimeException overviewFailure;
        /** Run once, as the next overview of a window is computed: a write landing meanwhile. */
        Runnable whileTheNextWindowIsComputed;
        LocalDate latestDay = LocalDate.of(2026, 12, 8);

        @Override
        public Flux<RouteSend> firstSends(UUID owner, String discipline, SendCounting counting, LocalDate from, LocalDate to) {
            calls.add("firstSends " + discipline + " " + counting + " " + from + ".." + to);
            if (!discipline.equals("sport")) {
                return Flux.empty();
            }
            String style = counting.countsRopeFromAbove() ? "top-rope" : "redpoint";
            return Flux.just(new RouteSend("route-1", "Route 1", "Crag", LocalDate.of(2024, 5, 1), "5.11a", 110, 11, style, 2, 1,
                    1));
        }

        @Override
        public Mono<Overview> overview(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            calls.add("overview " + counting + " " + from + ".." + to);
            Runnable meanwhile = whileTheNextWindowIsComputed;
            if (meanwhile != null && (from != null || to != null)) {
                whileTheNextWindowIsComputed = null;
                meanwhile.run();
            }
            if (overviewFailure != null) {
                return Mono.error(overviewFailure);
            }
            return Mono.just(new Overview(3, 3, 2, LocalDate.of(2024, 5, 1), 1, 1, counting.countsRopeFromAbove() ? 2 : 1,
                    Map.of("sport", 3L), List.of(), List.of(), List.of(), 0, 0, Map.of()));
        }

        @Override
        public Flux<MonthSend> hardestSendsByMonth(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Flux.empty();
        }

        @Override
        public Flux<MonthVolume> volumeByMonth(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Flux.just(new MonthVolume("2024-05", 3, 3, 2));
        }

        @Override
        public Flux<Day> days(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Flux.just(new Day(LocalDate.of(2024, 5, 1), 2, 2, true), new Day(latestDay, 1, 1, false));
        }

        @Override
        public Flux<Place> places(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Flux.empty();
        }

        @Override
        public Flux<StyleCount> styles(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Flux.empty();
        }

        @Override
        public Flux<LevelRate> sendRates(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Flux.empty();
        }

        @Override
        public Flux<YearLevel> gradeDistribution(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
            return Flux.empty();
        }

        /** The one-pass figures, made of this fake's per-figure answers (so a failing figure fails it too). */
        @Override
        public Mono<Map<SendCounting, WholeLogbookFigures>> wholeLogbook(UUID owner) {
            calls.add("wholeLogbook null..null");
            return Flux.fromArray(SendCounting.values())
                    .concatMap(counting -> Mono.zip(firstSends(owner, "sport", counting, null, null).collectList(),
                                    overview(owner, counting, null, null), volumeByMonth(owner, counting, null, null).collectList(),
                                    days(owner, counting, null, null).collectList())
                            .map(all -> Map.entry(counting, new WholeLogbookFigures(Map.of("sport", all.getT1()), all.getT2(),
                                    List.of(), all.getT3(), all.getT4(), List.of(), List.of(), List.of(), List.of()))))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        }

        @Override
        public Flux<UUID> climbersAfter(UUID after, int limit) {
            return Flux.fromIterable(climbers).filter(id -> after == null || id.compareTo(after) > 0).sort().take(limit);
        }
    }

    /** The read model's storage as a map; every call is recorded in order. */
    static final class Figures implements LogbookFigures {

        final List<String> calls = new ArrayList<>();
        final Map<String, LogbookStatistics.WholeLogbookFigures> stored = new HashMap<>();
        final Map<String, List<LocalDate>> laterDays = new HashMap<>();
        /** The revision of each climber's and counting's figures, from one sequence as in the table. */
        final Map<String, Long> revisions = new HashMap<>();
        private long lastRevision;

        private static String key(UUID owner, SendCounting counting) {
            return owner + "/" + counting;
        }

        @Override
        public Mono<Void> lockClimber(UUID owner) {
            return Mono.fromRunnable(() -> calls.add("lock " + owner));
        }

        @Override
        public Mono<Void> replace(UUID owner, Map<SendCounting, LogbookStatistics.WholeLogbookFigures> byCounting,
                                  List<LocalDate> later) {
            return Mono.fromRunnable(() -> new java.util.TreeMap<>(byCounting).forEach((counting, figures) -> {
                calls.add("replace " + owner + " " + counting);
                stored.put(key(owner, counting), figures);
                revisions.put(key(owner, counting), ++lastRevision);
                laterDays.put(key(owner, counting), later);
            }));
        }

        private Mono<LogbookStatistics.WholeLogbookFigures> whole(UUID owner, SendCounting counting) {
            return Mono.justOrEmpty(stored.get(key(owner, counting)));
        }

        @Override
        public Mono<List<LogbookStatistics.RouteSend>> firstSends(UUID owner, SendCounting counting, String discipline) {
            return whole(owner, counting).mapNotNull(whole -> whole.firstSends().get(discipline));
        }

        /** The stored sends with the revision they were stored under, as {@link PyramidSources} reads them. */
        Mono<Revised<List<LogbookStatistics.RouteSend>>> revisedFirstSends(UUID owner, SendCounting counting, String discipline) {
            return firstSends(owner, counting, discipline).map(sends -> new Revised<>(revisions.get(key(owner, counting)), sends));
        }

        @Override
        public Mono<LogbookStatistics.Overview> overview(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::overview);
        }

        @Override
        public Mono<Long> revision(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(stored -> revisions.get(key(owner, counting)));
        }

        @Override
        public Mono<List<LogbookStatistics.MonthSend>> hardestSendsByMonth(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::hardestSendsByMonth);
        }

        @Override
        public Mono<List<LogbookStatistics.MonthVolume>> volumeByMonth(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::volumeByMonth);
        }

        @Override
        public Mono<List<LogbookStatistics.Day>> days(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::days);
        }

        @Override
        public Mono<List<LogbookStatistics.Place>> places(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::places);
        }

        @Override
        public Mono<List<LogbookStatistics.StyleCount>> styles(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::styles);
        }

        @Override
        public Mono<List<LogbookStatistics.LevelRate>> sendRates(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::sendRates);
        }

        @Override
        public Mono<List<LogbookStatistics.YearLevel>> gradeDistribution(UUID owner, SendCounting counting) {
            return whole(owner, counting).map(LogbookStatistics.WholeLogbookFigures::gradeDistribution);
        }

        @Override
        public Mono<Void> eraseOwnedBy(UUID owner) {
            return Mono.fromRunnable(() -> stored.keySet().removeIf(key -> key.startsWith(owner + "/")));
        }

        /** Climbers whose figures the test says have lapsed. */
        final List<UUID> lapsed = new ArrayList<>();

        @Override
        public Flux<UUID> climbersWithLapsedFigures(int limit) {
            return Flux.fromIterable(List.copyOf(lapsed)).take(limit);
        }

        @Override
        public Mono<Boolean> claimRebuild(int rulesVersion) {
            return Mono.just(false);
        }
    }

    /** Jobs enqueued, in order. */
    static final class Jobs implements JobQueue {

        final List<Object> payloads = new ArrayList<>();

        @Override
        public Mono<Long> enqueue(String kind, Record payload) {
            return Mono.fromCallable(() -> {
                payloads.add(payload);
                return (long) payloads.size();
            });
        }

        @Override
        public Mono<JobView> find(long id) {
            return Mono.empty();
        }
    }
}
