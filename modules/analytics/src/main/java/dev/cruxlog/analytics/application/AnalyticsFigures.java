package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where analytics takes a figure from: the whole logbook (no dates given, what every page
 * opens with) from the read model, one indexed row; a window of dates, or a climber the read
 * model has no current figure for (never written since it was built, rules changed, a rebuild
 * under way), from the ticks through the logbook's API. Both give the same answer; the
 * equivalence tests hold them to it. An overview of a window is also held while the climber's
 * stored figures keep the revision it was computed under ({@link WindowedOverviews}).
 */
@Component
public class AnalyticsFigures {

    private final LogbookStatistics statistics;
    private final LogbookFigures stored;
    private final WindowedOverviews windowedOverviews;

    public AnalyticsFigures(LogbookStatistics statistics, LogbookFigures stored, WindowedOverviews windowedOverviews) {
        this.statistics = statistics;
        this.stored = stored;
        this.windowedOverviews = windowedOverviews;
    }

    private static boolean wholeLogbook(LocalDate from, LocalDate to) {
        return from == null && to == null;
    }

    public Flux<LogbookStatistics.RouteSend> firstSends(UUID owner, String discipline, SendCounting counting, LocalDate from,
                                                       LocalDate to) {
        Supplier<Flux<LogbookStatistics.RouteSend>> computed = () -> statistics.firstSends(owner, discipline, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.firstSends(owner, counting, discipline), computed) : computed.get();
    }

    /**
     * The first sends computed from the ticks whatever the read model holds: for a whole-logbook
     * pyramid whose stored sends {@link PyramidSources} found missing (and asked for already).
     */
    public Flux<LogbookStatistics.RouteSend> firstSendsFromTicks(UUID owner, String discipline, SendCounting counting) {
        return statistics.firstSends(owner, discipline, counting, null, null);
    }

    /**
     * A window's overview is computed from the ticks once per revision of the climber's stored
     * figures: the revision is read first (one indexed row), so what is computed after it is at
     * least as new. A climber without current stored figures gets it computed every time.
     */
    public Mono<LogbookStatistics.Overview> overview(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        Supplier<Mono<LogbookStatistics.Overview>> computed = () -> statistics.overview(owner, counting, from, to);
        if (wholeLogbook(from, to)) {
            return stored.overview(owner, counting).switchIfEmpty(Mono.defer(computed));
        }
        return stored.revision(owner, counting)
                .flatMap(revision -> windowedOverviews.get(new WindowedOverviews.Window(owner, counting, from, to), revision, computed))
                .switchIfEmpty(Mono.defer(computed));
    }

    public Flux<LogbookStatistics.MonthSend> hardestSendsByMonth(UUID owner, SendCounting counting, LocalDate from,
                                                                LocalDate to) {
        Supplier<Flux<LogbookStatistics.MonthSend>> computed = () -> statistics.hardestSendsByMonth(owner, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.hardestSendsByMonth(owner, counting), computed) : computed.get();
    }

    public Flux<LogbookStatistics.MonthVolume> volumeByMonth(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        Supplier<Flux<LogbookStatistics.MonthVolume>> computed = () -> statistics.volumeByMonth(owner, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.volumeByMonth(owner, counting), computed) : computed.get();
    }

    public Flux<LogbookStatistics.Day> days(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        Supplier<Flux<LogbookStatistics.Day>> computed = () -> statistics.days(owner, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.days(owner, counting), computed) : computed.get();
    }

    public Flux<LogbookStatistics.Place> places(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        Supplier<Flux<LogbookStatistics.Place>> computed = () -> statistics.places(owner, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.places(owner, counting), computed) : computed.get();
    }

    public Flux<LogbookStatistics.StyleCount> styles(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        Supplier<Flux<LogbookStatistics.StyleCount>> computed = () -> statistics.styles(owner, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.styles(owner, counting), computed) : computed.get();
    }

    public Flux<LogbookStatistics.LevelRate> sendRates(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        Supplier<Flux<LogbookStatistics.LevelRate>> computed = () -> statistics.sendRates(owner, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.sendRates(owner, counting), computed) : computed.get();
    }

    public Flux<LogbookStatistics.YearLevel> gradeDistribution(UUID owner, SendCounting counting, LocalDate from,
                                                              LocalDate to) {
        Supplier<Flux<LogbookStatistics.YearLevel>> computed = () -> statistics.gradeDistribution(owner, counting, from, to);
        return wholeLogbook(from, to) ? fromReadModel(stored.gradeDistribution(owner, counting), computed) : computed.get();
    }

    /**
     * The stored list when there is one (an empty list is an answer too: no such sends), the
     * computed one only when the row is missing (and only then is its query put together).
     */
    private static <T> Flux<T> fromReadModel(Mono<List<T>> stored, Supplier<Flux<T>> computed) {
        return stored.map(Flux::fromIterable).switchIfEmpty(Mono.fromSupplier(computed)).flatMapMany(figure -> figure);
    }
}
