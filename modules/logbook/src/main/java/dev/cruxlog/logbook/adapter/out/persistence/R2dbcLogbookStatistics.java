package dev.cruxlog.logbook.adapter.out.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcLogbookStatistics implements LogbookStatistics {

    /** Ticks of one owner in the window; a route is its Mountain Project page, or its name at its location. */
    private static final String WINDOW = """
            SELECT coalesce(route_url, lower(route) || '|' || coalesce(location, '')) AS route_key, *
              FROM logbook.tick
             WHERE owner_id = :owner
               AND (CAST(:from AS date) IS NULL OR climbed_on >= CAST(:from AS date))
               AND (CAST(:to AS date) IS NULL OR climbed_on <= CAST(:to AS date))""";

    private final DatabaseClient db;

    R2dbcLogbookStatistics(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<RouteSend> firstSends(UUID owner, String discipline, List<String> styles, LocalDate from, LocalDate to) {
        return db.sql("""
                        WITH t AS (%s AND discipline = :discipline AND grade_level IS NOT NULL),
                        first_send AS (
                            SELECT DISTINCT ON (route_key) route_key, route, location, climbed_on, id, grade, grade_index,
                                   grade_level, style
                              FROM t WHERE send AND style = ANY(:styles)
                             ORDER BY route_key, climbed_on, id)
                        SELECT f.route, f.location, f.climbed_on, f.grade, f.grade_index, f.grade_level, f.style,
                               (SELECT count(*) FROM t WHERE t.route_key = f.route_key
                                   AND (t.climbed_on, t.id) <= (f.climbed_on, f.id)) AS attempts,
                               (SELECT count(DISTINCT t.climbed_on) FROM t WHERE t.route_key = f.route_key
                                   AND t.climbed_on <= f.climbed_on) AS days,
                               (SELECT count(*) FROM t WHERE t.route_key = f.route_key AND t.send) AS sends
                          FROM first_send f
                         ORDER BY f.grade_index DESC, f.climbed_on DESC""".formatted(WINDOW))
                .bind("owner", owner)
                .bind("from", Parameter.fromOrEmpty(from, LocalDate.class))
                .bind("to", Parameter.fromOrEmpty(to, LocalDate.class))
                .bind("discipline", discipline)
                .bind("styles", styles.toArray(String[]::new))
                .map(row -> new RouteSend(row.get("route", String.class), row.get("location", String.class),
                        row.get("climbed_on", LocalDate.class), row.get("grade", String.class),
                        row.get("grade_index", Integer.class), row.get("grade_level", Integer.class),
                        row.get("style", String.class), row.get("attempts", Long.class).intValue(),
                        row.get("days", Long.class).intValue(), row.get("sends", Long.class).intValue()))
                .all();
    }

    @Override
    public Mono<Overview> overview(UUID owner, LocalDate from, LocalDate to) {
        Mono<Object[]> totals = bind(db.sql("""
                        WITH t AS (%s)
                        SELECT count(*) AS ticks, coalesce(sum(pitches), 0) AS pitches,
                               count(DISTINCT climbed_on) AS days, min(climbed_on) AS first_day,
                               count(DISTINCT nullif(location, '')) AS areas,
                               count(DISTINCT nullif(location_path[1], '')) AS regions,
                               count(*) FILTER (WHERE send) AS sends
                          FROM t""".formatted(WINDOW)), owner, from, to)
                .map(row -> new Object[] {row.get("ticks", Long.class), row.get("pitches", Long.class),
                        row.get("days", Long.class), row.get("first_day", LocalDate.class), row.get("areas", Long.class),
                        row.get("regions", Long.class), row.get("sends", Long.class)})
                .one();
        Mono<Map<String, Long>> disciplines = bind(db.sql("WITH t AS (" + WINDOW
                        + ") SELECT discipline, count(*) AS n FROM t GROUP BY discipline"), owner, from, to)
                .map(row -> Map.entry(row.get("discipline", String.class), row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
        Mono<List<Area>> favourites = bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT location, sum(pitches) AS pitches, count(*) AS ticks FROM t
                           WHERE coalesce(location, '') <> '' GROUP BY location ORDER BY pitches DESC, ticks DESC, location
                           LIMIT 3"""), owner, from, to)
                .map(row -> new Area(row.get("location", String.class), row.get("pitches", Long.class),
                        row.get("ticks", Long.class)))
                .all().collectList();
        Mono<List<BestSend>> best = bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT DISTINCT ON (discipline) discipline, route, grade, grade_index, climbed_on FROM t
                           WHERE send AND grade_index IS NOT NULL
                           ORDER BY discipline, grade_index DESC, climbed_on"""), owner, from, to)
                .map(row -> new BestSend(row.get("discipline", String.class), row.get("route", String.class),
                        row.get("grade", String.class), row.get("grade_index", Integer.class),
                        row.get("climbed_on", LocalDate.class)))
                .all().collectList();
        return Mono.zip(totals, disciplines, favourites, best).map(all -> {
            Object[] t = all.getT1();
            return new Overview((Long) t[0], (Long) t[1], (Long) t[2], (LocalDate) t[3], (Long) t[4], (Long) t[5],
                    (Long) t[6], all.getT2(), all.getT3(), all.getT4());
        });
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, UUID owner, LocalDate from,
                                                          LocalDate to) {
        return spec.bind("owner", owner)
                .bind("from", Parameter.fromOrEmpty(from, LocalDate.class))
                .bind("to", Parameter.fromOrEmpty(to, LocalDate.class));
    }
}
