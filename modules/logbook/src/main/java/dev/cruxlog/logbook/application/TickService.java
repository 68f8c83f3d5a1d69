package dev.cruxlog.logbook.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.RecentTicks;
import dev.cruxlog.logbook.TickView;
import dev.cruxlog.logbook.domain.ExportedTick;
import dev.cruxlog.logbook.domain.HandEnteredTick;
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

    public Mono<TickView> create(UUID owner, HandEnteredTick input) {
        return Mono.fromCallable(() -> input.draft(grades))
                .flatMap(draft -> transaction.transactional(changes.changing(owner).then(ticks.insert(owner, draft)).flatMap(tick -> changed(owner, tick))));
    }

    /**
     * A hand edit changes what the climber edits and keeps what came from the source (see
     * {@link Ticks#update}); an imported tick edited by hand stays linked to its source row.
     */
    public Mono<TickView> update(UUID owner, UUID id, HandEnteredTick input) {
        return Mono.fromCallable(() -> input.draft(grades))
                .flatMap(draft -> transaction.transactional(changes.changing(owner).then(ticks.update(owner, id, draft)).flatMap(tick -> changed(owner, tick))));
    }

    public Mono<Boolean> delete(UUID owner, UUID id) {
        return transaction.transactional(changes.changing(owner).then(ticks.delete(owner, id))
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
        return transaction.transactional(changes.changing(owner).then(ticks.restore(owner, id))
                .flatMap(tick -> ticks.linkCrossSourceDuplicates(owner).then(ticks.find(owner, tick.id())))
                .flatMap(tick -> changed(owner, tick)));
    }

    /**
     * Tells the logbook's listeners (the analytics read model) in this write's transaction; each
     * write above announced itself first ({@link LogbookChanges#changing}).
     */
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
}
