package dev.cruxlog.logbook.adapter.out.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import dev.cruxlog.logbook.domain.FigureTick;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A climber's counted ticks (duplicates left out) as the whole logbook's figures read them: the
 * narrow columns in date order. The route key is the database's, so routes group exactly as
 * in the per-figure SQL; so is the date that decides what is recent.
 */
final class FigureTickRows {

    /**
     * What makes ticks one route, for every figure that groups by route (first sends, tries):
     * its Mountain Project page, or its lower-cased name at its location. Written once: the
     * per-figure SQL, the fold's read and the key of an import's new ticks all use it.
     */
    static final String ROUTE_KEY = "coalesce(route_url, lower(route) || '|' || coalesce(location, ''))";

    private FigureTickRows() {
    }

    static Mono<LocalDate> today(DatabaseClient db) {
        return db.sql("SELECT current_date AS today").map(row -> row.get("today", LocalDate.class)).one();
    }

    static Flux<FigureTick> inDateOrder(DatabaseClient db, UUID owner) {
        return db.sql("""
                        SELECT id, route, %s AS route_key,
                               location, location_path, discipline, grade, grade_index, grade_level, style, send, pitches,
                               length_ft,
                               -- The day as a number: parsing 50,000 dates from text was a fifth of the rows' decoding.
                               climbed_on - DATE '1970-01-01' AS epoch_day
                          FROM logbook.tick
                         WHERE owner_id = :owner AND duplicate_of IS NULL
                         ORDER BY climbed_on""".formatted(ROUTE_KEY))
                .bind("owner", owner)
                .map(row -> new FigureTick(row.get("id", UUID.class), row.get("route_key", String.class),
                        row.get("route", String.class), row.get("location", String.class),
                        Arrays.asList(row.get("location_path", String[].class)), LocalDate.ofEpochDay(row.get("epoch_day", Integer.class)),
                        row.get("discipline", String.class), row.get("grade", String.class),
                        row.get("grade_index", Integer.class), row.get("grade_level", Integer.class),
                        row.get("style", String.class), Boolean.TRUE.equals(row.get("send", Boolean.class)),
                        row.get("pitches", Integer.class), row.get("length_ft", Integer.class)))
                .all();
    }
}
