package dev.cruxlog.logbook.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.logbook.TickView;
import dev.cruxlog.logbook.domain.ExportedTick;
import dev.cruxlog.logbook.domain.FigureTicks;
import dev.cruxlog.logbook.domain.NewTick;
import dev.cruxlog.logbook.domain.TickDraft;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Out-port: the tick table. Every method is scoped by owner. */
public interface Ticks {

    /** Source key to content hash, for every tick of one source. */
    Mono<Map<String, String>> contentHashes(UUID owner, String source);

    /** New ticks of one import made ready for {@link #insertAll}: CPU work, no database call. */
    EncodedTicks encode(UUID owner, UUID importId, List<NewTick> ticks);

    /** Writes the encoded ticks in one stream, each with the id it was given. */
    Mono<Long> insertAll(List<EncodedTicks> chunks);

    /** The database's date and the climber's counted ticks (no duplicates) as the figures read them, in date order. */
    Mono<FigureTicks> figureTicks(UUID owner);

    /**
     * The route key of each route without a link, in order, as the statistics key routes (its
     * lower-cased name at its location; the case rules are the database's, not Java's).
     */
    Mono<List<String>> routeKeys(List<NewTick.Unlinked> routes);

    Mono<Long> updateAll(UUID owner, UUID importId, List<TickDraft> drafts);

    /**
     * Marks ticks that another source already has (same route name, same day) as duplicates
     * of the earlier one, so each climb is shown and counted once while both rows are kept.
     *
     * @return how many ticks were newly linked
     */
    Mono<Long> linkCrossSourceDuplicates(UUID owner);

    Flux<TickView> page(UUID owner, TickFilter filter, TickSort sort, TickCursor after, int limit);

    /**
     * The same page as {@link #page} (with {@code size} ticks, not one more), written as JSON by
     * the database: the hot path of the API, with no per-row decoding in the application.
     */
    Mono<TickPageJson> pageJson(UUID owner, TickFilter filter, TickSort sort, TickCursor after, int size);

    Flux<TickView> all(UUID owner);

    Mono<TickView> find(UUID owner, UUID id);

    Mono<TickView> insert(UUID owner, TickDraft draft);

    /**
     * A hand edit: changes what the climber edits (route, date, grade, discipline, style,
     * pitches, length, location, notes, tags) and keeps what came from the tick's source (its
     * link, stars, style words, rating code, source key). Empty when the climber has no such tick.
     */
    Mono<TickView> update(UUID owner, UUID id, TickDraft draft);

    /** The ticks {@link #all} gives, with what their source said, for the CSV export. */
    Flux<ExportedTick> forExport(UUID owner);

    Mono<Boolean> delete(UUID owner, UUID id);

    /** Source keys of this source's ticks the climber deleted: a re-import skips them. */
    Mono<java.util.Set<String>> deletedSourceKeys(UUID owner, String source);

    /** Ticks the climber deleted (logged by hand or imported), newest deletion first. */
    Flux<DeletedTick> deleted(UUID owner);

    /** Puts a deleted tick back exactly as it was; empty when there is no such deletion. */
    Mono<TickView> restore(UUID owner, UUID id);

    /** A deleted tick, as the climber sees it in their deleted ticks. */
    record DeletedTick(UUID id, String source, String route, java.time.LocalDate date, java.time.OffsetDateTime deletedAt) {
    }

    /** The climber says a tick's future date is right: it is no longer flagged (until the date changes). */
    Mono<TickView> confirmDate(UUID owner, UUID id);

    Mono<Void> eraseOwnedBy(UUID owner);

    /**
     * Ticks whose note has not been cleaned for serving yet (logged before served notes existed),
     * at most {@code limit}, across climbers: a maintenance pass, each result naming its owner.
     */
    Flux<LoggedNote> uncleanedNotes(int limit);

    /** Stores each served note, matched by owner and tick id, in one statement; how many were stored. */
    Mono<Long> storeServedNotes(List<LoggedNote> served);

    /** A tick's note: as logged, or as served, depending on the call. */
    record LoggedNote(UUID owner, UUID id, String note) {
    }
}
