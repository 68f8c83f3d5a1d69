package dev.cruxlog.analytics.adapter.out.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.cruxlog.analytics.application.LogbookFigures;
import dev.cruxlog.analytics.application.PyramidSources;
import dev.cruxlog.analytics.application.RouteCharacters;
import dev.cruxlog.analytics.application.Revised;
import dev.cruxlog.analytics.domain.ReadModelRules;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model in {@code analytics.logbook_figure}: one row per climber, way of counting and
 * figure, its body the logbook API's records as JSON. A page reads one row by primary key and
 * decodes one document; a refresh replaces each way of counting's rows in one statement.
 */
@Repository
class R2dbcLogbookFigures implements LogbookFigures, PyramidSources {

    private static final String FIRST_SENDS = "first-sends:";
    private static final String OVERVIEW = "overview";
    private static final String HARDEST_SENDS_BY_MONTH = "hardest-sends-by-month";
    private static final String VOLUME_BY_MONTH = "volume-by-month";
    private static final String DAYS = "days";
    private static final String PLACES = "places";
    private static final String STYLES = "styles";
    private static final String SEND_RATES = "send-rates";
    private static final String GRADE_DISTRIBUTION = "grade-distribution";

    private final DatabaseClient db;
    private final JsonMapper json;
    private final ObjectReader overviewReader;
    private final Map<Class<?>, ObjectReader> listReaders;
    private final RouteSendsJson routeSends;
    private final DecodedFigures decoded;
    private final ObjectReader charactersReader;

    R2dbcLogbookFigures(DatabaseClient db, JsonMapper json,
                        @Value("${cruxlog.analytics.decoded-figures-max:32MB}") DataSize decodedFiguresMax) {
        this.db = db;
        this.json = json;
        this.routeSends = new RouteSendsJson(json);
        this.decoded = new DecodedFigures(decodedFiguresMax.toBytes());
        // Unknown fields are ignored: a derived value such as Overview.sendRate() is written
        // beside the components it comes from.
        this.overviewReader = reader(json.constructType(LogbookStatistics.Overview.class));
        this.charactersReader = json.readerFor(json.getTypeFactory().constructCollectionType(List.class,
                json.getTypeFactory().constructCollectionType(List.class, String.class)));
        this.listReaders = Map.of(
                LogbookStatistics.MonthSend.class, listReader(LogbookStatistics.MonthSend.class),
                LogbookStatistics.MonthVolume.class, listReader(LogbookStatistics.MonthVolume.class),
                LogbookStatistics.Day.class, listReader(LogbookStatistics.Day.class),
                LogbookStatistics.Place.class, listReader(LogbookStatistics.Place.class),
                LogbookStatistics.StyleCount.class, listReader(LogbookStatistics.StyleCount.class),
                LogbookStatistics.LevelRate.class, listReader(LogbookStatistics.LevelRate.class),
                LogbookStatistics.YearLevel.class, listReader(LogbookStatistics.YearLevel.class));
    }

    private ObjectReader listReader(Class<?> element) {
        return reader(json.getTypeFactory().constructCollectionType(List.class, element));
    }

    private ObjectReader reader(JavaType type) {
        return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public Mono<Void> lockClimber(UUID owner) {
        // A transaction-scoped advisory lock, keyed by this table and the climber: two writes of
        // one climber refresh one after the other; other climbers are not held up.
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('analytics.logbook_figure'), hashtext(CAST(:owner AS text)))")
                .bind("owner", owner)
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Void> replace(UUID owner, Map<SendCounting, LogbookStatistics.WholeLogbookFigures> byCounting,
                              List<LocalDate> laterDays) {
        LocalDate[] later = laterDays.toArray(LocalDate[]::new);
        // Each counting's figures are encoded on a CPU worker, the next while PostgreSQL takes in
        // the one before (a 50,000-tick import's are 6-7 MB a counting): the refresh waits for
        // the slower of the two, not for their sum.
        return Flux.fromIterable(byCounting.entrySet())
                .flatMapSequential(entry -> Mono.fromCallable(() -> encoded(entry.getValue()))
                        .map(encoded -> Map.entry(entry.getKey(), encoded))
                        .subscribeOn(Schedulers.parallel()), 2)
                .concatMap(counting -> store(owner, counting.getKey(), counting.getValue(), later))
                .then();
    }

    /**
     * One statement, each figure's body a JSON parameter of its own: PostgreSQL only checks each
     * body is JSON and stores it. One JSON object of every figure taken apart by
     * {@code json_each} cost it 400-540 ms of the 50,000-tick climber's refresh, parsing 15 MB
     * into values and copying each out; one binding per figure took a round trip each, 22 ms
     * more for every 500-tick climber; a text[] would have the driver escape every character
     * (docs/benchmarks.md, eleventh session). The text varies only with the number of figures,
     * fixed by the disciplines, so PostgreSQL and the driver keep one prepared statement for it.
     */
    private Mono<Long> store(UUID owner, SendCounting counting, List<EncodedFigure> figures, LocalDate[] later) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < figures.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:figure").append(i).append(", CAST(:body").append(i).append(" AS json))");
        }
        DatabaseClient.GenericExecuteSpec upsert = db.sql("""
                        INSERT INTO analytics.logbook_figure (owner_id, counting, figure, body, rules_version, valid_through)
                        SELECT :owner, :counting, f.figure, f.body, :version,
                               -- On the eve of a day after tomorrow its ticks become recent.
                               (SELECT min(d) - 2 FROM unnest(CAST(:laterDays AS date[])) AS d WHERE d > current_date + 1)
                          FROM (VALUES %s) AS f (figure, body)
                        ON CONFLICT (owner_id, counting, figure) DO UPDATE
                           SET body = EXCLUDED.body, rules_version = EXCLUDED.rules_version,
                               valid_through = EXCLUDED.valid_through, computed_at = clock_timestamp(),
                               revision = nextval('analytics.logbook_figure_revision')""".formatted(rows))
                .bind("owner", owner)
                .bind("counting", counting.name())
                .bind("version", ReadModelRules.VERSION)
                .bind("laterDays", later);
        for (int i = 0; i < figures.size(); i++) {
            upsert = upsert.bind("figure" + i, figures.get(i).name()).bind("body" + i, Json.of(figures.get(i).utf8()));
        }
        return upsert.fetch().rowsUpdated();
    }

    /** A figure's name and its body as UTF-8 JSON. */
    private record EncodedFigure(String name, byte[] utf8) {
    }

    /** Every figure of one way of counting, each written by its own generator into one reused buffer. */
    private List<EncodedFigure> encoded(LogbookStatistics.WholeLogbookFigures figures) {
        ByteArrayBuilder out = new ByteArrayBuilder(64 * 1024);
        List<EncodedFigure> encoded = new ArrayList<>();
        figures.firstSends().forEach((discipline, sends) ->
                encoded.add(encode(out, FIRST_SENDS + discipline, generator -> routeSends.write(generator, sends))));
        encoded.add(encode(out, OVERVIEW, figures.overview()));
        encoded.add(encode(out, HARDEST_SENDS_BY_MONTH, figures.hardestSendsByMonth()));
        encoded.add(encode(out, VOLUME_BY_MONTH, figures.volumeByMonth()));
        encoded.add(encode(out, DAYS, figures.days()));
        encoded.add(encode(out, PLACES, figures.places()));
        encoded.add(encode(out, STYLES, figures.styles()));
        encoded.add(encode(out, SEND_RATES, figures.sendRates()));
        encoded.add(encode(out, GRADE_DISTRIBUTION, figures.gradeDistribution()));
        return encoded;
    }

    private EncodedFigure encode(ByteArrayBuilder out, String name, Object body) {
        return encode(out, name, generator -> json.writeValue(generator, body));
    }

    private EncodedFigure encode(ByteArrayBuilder out, String name, Consumer<JsonGenerator> body) {
        out.reset();
        try (JsonGenerator generator = json.createGenerator(out)) {
            body.accept(generator);
        }
        return new EncodedFigure(name, out.toByteArray());
    }

    @Override
    public Mono<List<LogbookStatistics.RouteSend>> firstSends(UUID owner, SendCounting counting, String discipline) {
        return figure(owner, counting, FIRST_SENDS + discipline, this::decodeRouteSends);
    }

    @Override
    public Mono<List<PyramidSources.Sources>> ofWholeLogbook(UUID owner, List<PyramidSources.Wanted> wanted) {
        int count = wanted.size();
        if (count == 0) {
            return Mono.just(List.of());
        }
        String[] countings = new String[count];
        String[] figures = new String[count];
        Long[] held = new Long[count];
        String[] keys = new String[count];
        DecodedFigures.Held[] heldFigures = new DecodedFigures.Held[count];
        for (int i = 0; i < count; i++) {
            PyramidSources.Wanted one = wanted.get(i);
            countings[i] = one.counting().name();
            figures[i] = FIRST_SENDS + one.discipline();
            keys[i] = owner + "/" + one.counting() + "/" + figures[i];
            heldFigures[i] = decoded.get(keys[i]);
            held[i] = heldFigures[i] == null ? -1L : heldFigures[i].revision();
        }
        // One row per wanted figure whether or not it is stored; the characters come with the first.
        return db.sql("""
                        SELECT w.n, f.revision, CASE WHEN f.revision = w.held THEN NULL ELSE f.body END AS body,
                               CASE WHEN w.n = 1 THEN (SELECT json_agg(json_build_array(c.route_key, c.crux_angle, c.crux_energy))
                                                         FROM analytics.route_character c
                                                        WHERE c.owner_id = :owner) END AS characters
                          FROM unnest(CAST(:countings AS text[]), CAST(:figures AS text[]), CAST(:held AS bigint[]))
                               WITH ORDINALITY AS w (counting, figure, held, n)
                          LEFT JOIN analytics.logbook_figure f
                            ON f.owner_id = :owner AND f.counting = w.counting AND f.figure = w.figure
                           AND f.rules_version = :version AND (f.valid_through IS NULL OR f.valid_through >= current_date)
                         ORDER BY w.n""")
                .bind("owner", owner)
                .bind("countings", countings)
                .bind("figures", figures)
                .bind("held", held)
                .bind("version", ReadModelRules.VERSION)
                .map(row -> {
                    Json body = row.get("body", Json.class);
                    Json characters = row.get("characters", Json.class);
                    return new StoredSources(row.get("revision", Long.class), body == null ? null : body.asArray(),
                            characters == null ? null : characters.asArray());
                })
                .all()
                .collectList()
                .map(stored -> {
                    Map<String, RouteCharacters.Character> characters = characters(stored.get(0).characters());
                    List<PyramidSources.Sources> sources = new java.util.ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        sources.add(new PyramidSources.Sources(firstSends(keys[i], heldFigures[i], stored.get(i)), characters));
                    }
                    return sources;
                });
    }

    private record StoredSources(Long revision, byte[] body, byte[] characters) {
    }

    private Optional<Revised<List<LogbookStatistics.RouteSend>>> firstSends(String key, DecodedFigures.Held held,
                                                                             StoredSources stored) {
        return stored.revision() == null ? Optional.empty()
                : Optional.of(heldOrDecoded(key, held, stored.revision(), stored.body(), this::decodeRouteSends));
    }

    private List<LogbookStatistics.RouteSend> decodeRouteSends(byte[] body) {
        return List.copyOf(routeSends.read(body));
    }

    /** {@code [[route_key, crux_angle, crux_energy], ...]}, null when the climber described no route. */
    private Map<String, RouteCharacters.Character> characters(byte[] json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, RouteCharacters.Character> characters = new HashMap<>();
        for (List<String> route : charactersReader.<List<List<String>>>readValue(json)) {
            characters.put(route.get(0), new RouteCharacters.Character(route.get(1), route.get(2)));
        }
        return Map.copyOf(characters);
    }

    @Override
    public Mono<LogbookStatistics.Overview> overview(UUID owner, SendCounting counting) {
        return figure(owner, counting, OVERVIEW, body -> overviewReader.<LogbookStatistics.Overview>readValue(body));
    }

    @Override
    public Mono<List<LogbookStatistics.MonthSend>> hardestSendsByMonth(UUID owner, SendCounting counting) {
        return list(owner, counting, HARDEST_SENDS_BY_MONTH, LogbookStatistics.MonthSend.class);
    }

    @Override
    public Mono<List<LogbookStatistics.MonthVolume>> volumeByMonth(UUID owner, SendCounting counting) {
        return list(owner, counting, VOLUME_BY_MONTH, LogbookStatistics.MonthVolume.class);
    }

    @Override
    public Mono<List<LogbookStatistics.Day>> days(UUID owner, SendCounting counting) {
        return list(owner, counting, DAYS, LogbookStatistics.Day.class);
    }

    @Override
    public Mono<List<LogbookStatistics.Place>> places(UUID owner, SendCounting counting) {
        return list(owner, counting, PLACES, LogbookStatistics.Place.class);
    }

    @Override
    public Mono<List<LogbookStatistics.StyleCount>> styles(UUID owner, SendCounting counting) {
        return list(owner, counting, STYLES, LogbookStatistics.StyleCount.class);
    }

    @Override
    public Mono<List<LogbookStatistics.LevelRate>> sendRates(UUID owner, SendCounting counting) {
        return list(owner, counting, SEND_RATES, LogbookStatistics.LevelRate.class);
    }

    @Override
    public Mono<List<LogbookStatistics.YearLevel>> gradeDistribution(UUID owner, SendCounting counting) {
        return list(owner, counting, GRADE_DISTRIBUTION, LogbookStatistics.YearLevel.class);
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM analytics.logbook_figure WHERE owner_id = :owner").bind("owner", owner).then()
                .doOnSuccess(done -> decoded.forget(owner + "/"));
    }

    @Override
    public Flux<UUID> climbersWithLapsedFigures(int limit) {
        return db.sql("""
                        SELECT DISTINCT owner_id FROM analytics.logbook_figure
                         WHERE valid_through < current_date AND rules_version = :version
                         LIMIT :limit""")
                .bind("version", ReadModelRules.VERSION)
                .bind("limit", Math.max(1, limit))
                .map(row -> row.get("owner_id", UUID.class))
                .all();
    }

    @Override
    public Mono<Boolean> claimRebuild(int rulesVersion) {
        // One row, updated under its row lock: of instances sweeping at once, one claims it.
        // The claim drops every stored figure in the same transaction: a rebuild is asked for
        // when they cannot be trusted (newer rules; writes made by a jar that did not keep them,
        // during a rollback or a rolling deploy), so until a climber is rebuilt their pages are
        // computed from the ticks, and a climber the rebuild does not visit (no ticks left) is too.
        return db.sql("""
                        UPDATE analytics.read_model_rebuild
                           SET rules_version = greatest(rules_version, :version), requested_at = NULL, started_at = clock_timestamp()
                         WHERE rules_version < :version OR requested_at IS NOT NULL""")
                .bind("version", rulesVersion)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.just(false)
                        : db.sql("DELETE FROM analytics.logbook_figure").fetch().rowsUpdated().thenReturn(true));
    }

    /** The overview's row stands for all of the counting's figures: every replacement stores them all, the overview always. */
    @Override
    public Mono<Long> revision(UUID owner, SendCounting counting) {
        return db.sql("""
                        SELECT revision FROM analytics.logbook_figure
                         WHERE owner_id = :owner AND counting = :counting AND figure = :figure AND rules_version = :version
                           AND (valid_through IS NULL OR valid_through >= current_date)""")
                .bind("owner", owner)
                .bind("counting", counting.name())
                .bind("figure", OVERVIEW)
                .bind("version", ReadModelRules.VERSION)
                .map(row -> row.get("revision", Long.class))
                .one();
    }

    private <T> Mono<List<T>> list(UUID owner, SendCounting counting, String figure, Class<T> element) {
        ObjectReader reader = listReaders.get(element);
        return figure(owner, counting, figure, body -> java.util.Collections.unmodifiableList(reader.<List<T>>readValue(body)));
    }

    private record Stored(long revision, byte[] body) {
    }

    /**
     * The figure when it was computed under today's rules and still holds today. The stored
     * revision is read every time; the body (the column's UTF-8 bytes, for Jackson's byte
     * parser) only when this instance does not hold that revision decoded already.
     */
    private <T> Mono<T> figure(UUID owner, SendCounting counting, String figure, Function<byte[], T> decode) {
        String key = owner + "/" + counting + "/" + figure;
        DecodedFigures.Held held = decoded.get(key);
        return figureQuery("""
                        SELECT revision, CASE WHEN revision = :held THEN NULL ELSE body END AS body
                          FROM analytics.logbook_figure
                         WHERE owner_id = :owner AND counting = :counting AND figure = :figure AND rules_version = :version
                           AND (valid_through IS NULL OR valid_through >= current_date)""", held, owner, counting, figure)
                .map(row -> {
                    Json body = row.get("body", Json.class);
                    return new Stored(row.get("revision", Long.class), body == null ? null : body.asArray());
                })
                .one()
                .map(stored -> heldOrDecoded(key, held, stored.revision(), stored.body(), decode).value());
    }

    /** A read of one stored figure: its revision always, its body only when {@code held} is not that revision. */
    private DatabaseClient.GenericExecuteSpec figureQuery(String sql, DecodedFigures.Held held, UUID owner, SendCounting counting,
                                                          String figure) {
        return db.sql(sql)
                .bind("held", held == null ? -1L : held.revision())
                .bind("owner", owner)
                .bind("counting", counting.name())
                .bind("figure", figure)
                .bind("version", ReadModelRules.VERSION);
    }

    /** The value held decoded when no body came (the revision is the one held), else the body decoded and held. */
    @SuppressWarnings("unchecked")
    private <T> Revised<T> heldOrDecoded(String key, DecodedFigures.Held held, long revision, byte[] body, Function<byte[], T> decode) {
        if (body == null) {
            return new Revised<>(revision, (T) held.value());
        }
        T value = decode.apply(body);
        decoded.put(key, revision, value, body.length);
        return new Revised<>(revision, value);
    }
}
