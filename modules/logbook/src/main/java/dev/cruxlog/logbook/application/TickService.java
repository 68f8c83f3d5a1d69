package dev.cruxlog.logbook.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.RecentTicks;
import dev.cruxlog.logbook.TickView;
import dev.cruxlog.logbook.domain.DraftBuilder;
import dev.cruxlog.logbook.domain.ExportedTick;
import dev.cruxlog.logbook.domain.InvalidTickInput;
import dev.cruxlog.logbook.domain.LocationPath;
import dev.cruxlog.logbook.domain.TickDraft;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading and hand-editing a climber's ticks. Every call names the owner; nothing crosses accounts. */
@Service
public class TickService implements RecentTicks {

    public static final int MAX_PAGE = 200;

    private final Ticks ticks;
    private final Grades grades;
    private final TransactionalOperator transaction;
    private final LogbookChanges changes;

    public TickService(Ticks ticks, Grades grades, TransactionalOperator transaction, LogbookChanges changes) {
        this.ticks = ticks;
        this.grades = grades;
        this.transaction = transaction;
        this.changes = changes;
    }

    public record Page(List<TickView> items, String nextCursor) {
    }

    /** What a climber types in the tick form (or sends to the API). */
    public record TickInput(String route, LocalDate date, String grade, String discipline, String style, Integer pitches,
                            Integer lengthFt, String location, String notes, List<String> tags) {
    }

    public Mono<Page> page(UUID owner, TickFilter filter, TickSort sort, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        TickCursor after = cursor == null || cursor.isBlank() ? null : TickCursor.decode(cursor);
        return ticks.page(owner, filter, sort, after, size + 1).collectList().map(found -> {
            boolean more = found.size() > size;
            List<TickView> items = more ? found.subList(0, size) : found;
            String next = more ? TickCursor.after(items.get(items.size() - 1)).encode() : null;
            return new Page(List.copyOf(items), next);
        });
    }

    /** {@link #page}, as JSON written by the database: what the API serves. */
    public Mono<TickPageJson> pageJson(UUID owner, TickFilter filter, TickSort sort, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        TickCursor after = cursor == null || cursor.isBlank() ? null : TickCursor.decode(cursor);
        return ticks.pageJson(owner, filter, sort, after, size);
    }

    public Mono<Page> page(UUID owner, TickFilter filter, String cursor, int limit) {
        return page(owner, filter, TickSort.DATE_DESC, cursor, limit);
    }

    /** The lowest or highest index a grade string stands for, in any system, for range filters. */
    public Integer gradeIndex(String grade) {
        if (grade == null || grade.isBlank()) {
            return null;
        }
        return grades.parse(grade, null).filter(Grade::indexed).map(Grade::index)
                .orElseThrow(() -> new IllegalArgumentException("'" + grade + "' is not a grade Cruxlog understands."));
    }

    @Override
    public Flux<TickView> since(UUID owner, LocalDate since, int limit) {
        // Ticks dated in the future are kept in the logbook but are not "recent".
        return ticks.page(owner, TickFilter.recent(since), TickSort.DATE_DESC, null, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    public Flux<TickView> all(UUID owner) {
        return ticks.all(owner);
    }

    public Flux<ExportedTick> forExport(UUID owner) {
        return ticks.forExport(owner);
    }

    public Mono<TickView> find(UUID owner, UUID id) {
        return ticks.find(owner, id);
    }

    public Mono<TickView> create(UUID owner, TickInput input) {
        return Mono.fromCallable(() -> draft(input))
                .flatMap(draft -> transaction.transactional(ticks.insert(owner, draft).flatMap(tick -> changed(owner, tick))));
    }

    /**
     * A hand edit changes what the climber edits and keeps what came from the source (see
     * {@link Ticks#update}); an imported tick edited by hand stays linked to its source row.
     */
    public Mono<TickView> update(UUID owner, UUID id, TickInput input) {
        return Mono.fromCallable(() -> draft(input))
                .flatMap(draft -> transaction.transactional(ticks.update(owner, id, draft).flatMap(tick -> changed(owner, tick))));
    }

    public Mono<Boolean> delete(UUID owner, UUID id) {
        return transaction.transactional(ticks.delete(owner, id)
                .flatMap(deleted -> deleted ? changed(owner, true) : Mono.just(false)));
    }

    /** Ticks the climber deleted: a re-import skips the imported ones until they are brought back. */
    public Flux<Ticks.DeletedTick> deleted(UUID owner) {
        return ticks.deleted(owner);
    }

    /**
     * Brings a deleted tick back as it was, linked again to the same climb from another
     * source if there is one; empty when the climber has no such deletion.
     */
    public Mono<TickView> restore(UUID owner, UUID id) {
        return transaction.transactional(ticks.restore(owner, id)
                .flatMap(tick -> ticks.linkCrossSourceDuplicates(owner).then(ticks.find(owner, tick.id())))
                .flatMap(tick -> changed(owner, tick)));
    }

    /** Tells the logbook's listeners (the analytics read model) in this write's transaction. */
    private <T> Mono<T> changed(UUID owner, T result) {
        return changes.changed(owner).thenReturn(result);
    }

    /**
     * Empty when the climber has no such tick. Not a change for {@link LogbookChanges}: the
     * confirmation is a flag no figure reads.
     */
    public Mono<TickView> confirmDate(UUID owner, UUID id) {
        return ticks.confirmDate(owner, id);
    }

    /** Longer than the longest alpine routes (the Cassin Ridge is about 9,000 ft of climbing). */
    static final int MAX_LENGTH_FT = 30_000;

    TickDraft draft(TickInput input) {
        if (input.route() == null || input.route().isBlank()) {
            throw new InvalidTickInput("route", "give the route's name.");
        }
        if (input.date() == null) {
            throw new InvalidTickInput("date", "give the day you climbed it.");
        }
        Discipline discipline;
        AscentStyle style;
        try {
            discipline = Discipline.fromId(input.discipline());
        } catch (RuntimeException e) {
            throw new InvalidTickInput("discipline", "one of sport, trad, tr, boulder, alpine, ice, mixed, aid, snow.");
        }
        try {
            style = AscentStyle.fromId(input.style());
        } catch (RuntimeException e) {
            throw new InvalidTickInput("style", "one of onsight, flash, redpoint, pinkpoint, top-rope, follow, solo, repeat, attempt.");
        }
        GradeSystem hint = discipline == Discipline.BOULDER ? GradeSystem.V : null;
        Grade grade = grades.parse(input.grade(), hint)
                .orElseThrow(() -> new InvalidTickInput("grade", "'" + input.grade() + "' is not a grade Cruxlog understands."));
        LocationPath location = LocationPath.parse(input.location());
        int pitches = input.pitches() == null ? 1 : input.pitches();
        if (pitches < 1 || pitches > 100) {
            throw new InvalidTickInput("pitches", "between 1 and 100.");
        }
        if (input.lengthFt() != null && (input.lengthFt() < 1 || input.lengthFt() > MAX_LENGTH_FT)) {
            throw new InvalidTickInput("lengthFt", "between 1 and " + MAX_LENGTH_FT + " feet, or left out.");
        }
        // Notes are kept as imported notes are: blank is none, the ends trimmed.
        return DraftBuilder.manual(input.route().trim(), input.date())
                .grade(input.grade().trim(), grade)
                .discipline(discipline, true)
                .style(style, null)
                .pitches(pitches)
                .lengthFt(input.lengthFt())
                .location(location)
                .notes(input.notes())
                // A hand edit sets the tags it is given: none given is none, not "leave them alone".
                .tags(input.tags() == null ? List.of() : input.tags())
                .build();
    }
}
