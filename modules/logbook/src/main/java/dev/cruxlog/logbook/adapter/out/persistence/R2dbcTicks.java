package dev.cruxlog.logbook.adapter.out.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.cruxlog.logbook.TickView;
import dev.cruxlog.logbook.application.EncodedTicks;
import dev.cruxlog.logbook.application.TickCursor;
import dev.cruxlog.logbook.application.TickFilter;
import dev.cruxlog.logbook.application.TickPageJson;
import dev.cruxlog.logbook.application.TickSort;
import dev.cruxlog.logbook.application.Ticks;
import dev.cruxlog.logbook.domain.DraftBuilder;
import dev.cruxlog.logbook.domain.ExportedTick;
import dev.cruxlog.logbook.domain.FigureTicks;
import dev.cruxlog.logbook.domain.NewTick;
import dev.cruxlog.logbook.domain.PlainText;
import dev.cruxlog.logbook.domain.TickDraft;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Wrapped;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tick table. Bulk writes send each column as one array and {@code unnest} them
 * server-side: a whole chunk of rows costs one round trip (a batch of single-row inserts
 * would cost one per row).
 */
@Repository
class R2dbcTicks implements Ticks {

    static final int CHUNK = 2_000;

    private static final String VIEW_COLUMNS = """
            id, climbed_on, route, grade, grade_system, grade_index, grade_level, protection, discipline,
            discipline_confirmed, send, style, pitches, length_ft, location, location_path, route_url, notes, route_stars,
            user_stars, source, tags,
            ARRAY(SELECT DISTINCT d.source FROM logbook.tick d WHERE d.duplicate_of = tick.id AND d.owner_id = tick.owner_id
                  ORDER BY d.source) AS also_logged_in,
            (climbed_on > current_date + 1 AND NOT future_date_confirmed) AS dated_in_future""";

    /** Column name, SQL array type, and how a draft fills it. */
    private record Column(String name, String type, Function<TickDraft, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("source", "text", TickDraft::source),
            new Column("source_key", "text", TickDraft::sourceKey),
            new Column("content_hash", "text", TickDraft::contentHash),
            new Column("route", "text", TickDraft::route),
            new Column("climbed_on", "date", TickDraft::climbedOn),
            new Column("grade", "text", TickDraft::grade),
            new Column("grade_system", "text", TickDraft::gradeSystem),
            new Column("grade_index", "integer", TickDraft::gradeIndex),
            new Column("grade_level", "integer", TickDraft::gradeLevel),
            new Column("protection", "text", TickDraft::protection),
            new Column("aid_grade", "text", TickDraft::aidGrade),
            new Column("discipline", "text", d -> d.discipline().id()),
            new Column("discipline_confirmed", "boolean", TickDraft::disciplineConfirmed),
            new Column("style", "text", d -> d.style().id()),
            new Column("send", "boolean", d -> d.style().isSend()),
            new Column("source_style", "text", TickDraft::sourceStyle),
            new Column("source_lead_style", "text", TickDraft::sourceLeadStyle),
            new Column("source_route_type", "text", TickDraft::sourceRouteType),
            new Column("pitches", "integer", TickDraft::pitches),
            new Column("length_ft", "integer", TickDraft::lengthFt),
            new Column("location", "text", TickDraft::location),
            new Column("location_path", "text", d -> String.join(" > ", d.locationPath())),
            new Column("route_url", "text", TickDraft::routeUrl),
            new Column("notes", "text", TickDraft::notes),
            new Column("notes_plain", "text", d -> PlainText.of(d.notes())),
            new Column("route_stars", "numeric", TickDraft::routeStars),
            new Column("user_stars", "numeric", TickDraft::userStars),
            new Column("source_rating_code", "integer", TickDraft::sourceRatingCode),
            new Column("source_user_grade", "text", TickDraft::sourceUserGrade),
            new Column("tags", "text", d -> d.tags() == null ? null : String.join("\u001f", d.tags())));

    private final DatabaseClient db;

    R2dbcTicks(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Map<String, String>> contentHashes(UUID owner, String source) {
        return db.sql("SELECT source_key, content_hash FROM logbook.tick WHERE owner_id = :owner AND source = :source "
                        + "AND source_key IS NOT NULL")
                .bind("owner", owner).bind("source", source)
                .map(row -> Map.entry(row.get("source_key", String.class), row.get("content_hash", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** COPY text lines ({@link #copyRows}), made by the import's worker as it translates. */
    @Override
    public EncodedTicks encode(UUID owner, UUID importId, List<NewTick> ticks) {
        return new EncodedTicks(ticks.size(), copyRows(owner, importId, ticks).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * New ticks of an import stream into the table with COPY, inside the import's transaction:
     * PostgreSQL parses rows as they arrive instead of planning an INSERT per chunk, and the
     * application sends text, not one bound array per column (ADR 0012).
     */
    @Override
    public Mono<Long> insertAll(List<EncodedTicks> chunks) {
        if (chunks.stream().allMatch(chunk -> chunk.count() == 0)) {
            return Mono.just(0L);
        }
        String sql = "COPY logbook.tick (id, owner_id, import_id, " + String.join(", ", COLUMNS.stream().map(Column::name).toList())
                + ") FROM STDIN";
        // Every row was encoded before the COPY starts (by the import, on its worker, as it
        // translated): the driver's event loop then only writes, so PostgreSQL is fed at its own
        // pace even while the same core folds the figures of these ticks beside it (ADR 0023),
        // and the loop's other queries do not wait behind the encoding. Fed to PostgreSQL while
        // the file was still being translated, the COPY waited on the app's one core
        // (docs/benchmarks.md, nineteenth session).
        return db.inConnection(connection -> postgres(connection)
                .copyIn(sql, Flux.fromIterable(chunks).filter(chunk -> chunk.count() > 0)
                        .map(chunk -> Unpooled.wrappedBuffer(chunk.bytes()))));
    }

    /** One COPY text line per tick: its id, the owner and import, then {@link #COLUMNS} in order. */
    static String copyRows(UUID owner, UUID importId, List<NewTick> chunk) {
        CopyText rows = new CopyText(chunk.size() * 440);
        for (NewTick tick : chunk) {
            TickDraft draft = tick.draft();
            rows.value(tick.id()).value(owner).value(importId);
            for (Column column : COLUMNS) {
                switch (column.name()) {
                    case "location_path" -> rows.array(draft.locationPath());
                    case "tags" -> rows.array(draft.tags());
                    default -> rows.value(column.value().apply(draft));
                }
            }
            rows.endRow();
        }
        return rows.toString();
    }

    @Override
    public Mono<FigureTicks> figureTicks(UUID owner) {
        return FigureTickRows.today(db)
                .flatMap(today -> FigureTickRows.inDateOrder(db, owner).collectList().map(held -> new FigureTicks(today, held)));
    }

    @Override
    public Mono<List<String>> routeKeys(List<NewTick.Unlinked> routes) {
        if (routes.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("""
                        SELECT %s AS route_key
                          FROM unnest(CAST(:routes AS text[]), CAST(:locations AS text[])) WITH ORDINALITY AS t(route, location, i),
                               LATERAL (SELECT CAST(NULL AS text) AS route_url) unlinked
                         ORDER BY i""".formatted(FigureTickRows.ROUTE_KEY))
                .bind("routes", routes.stream().map(NewTick.Unlinked::route).toArray(String[]::new))
                .bind("locations", routes.stream().map(NewTick.Unlinked::location).toArray(String[]::new))
                .map(row -> row.get("route_key", String.class))
                .all()
                .collectList();
    }

    /** The driver's own connection under Spring's proxy, the pool's and the validation window's wrappers. */
    private static PostgresqlConnection postgres(Connection connection) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("COPY needs r2dbc-postgresql's connection, found " + connection.getClass());
    }

    private Flux<UUID> insertChunk(UUID owner, UUID importId, List<TickDraft> chunk) {
        String names = String.join(", ", COLUMNS.stream().map(Column::name).toList());
        String selected = String.join(", ", COLUMNS.stream()
                .map(c -> c.name().equals("location_path") ? "coalesce(string_to_array(u.location_path, ' > '), '{}')"
                        : c.name().equals("tags") ? "coalesce(string_to_array(u.tags, chr(31)), '{}')"
                        : "u." + c.name()).toList());
        String sql = "INSERT INTO logbook.tick (owner_id, import_id, " + names + ") SELECT :owner, :importId, " + selected
                + " FROM " + unnest() + " RETURNING id";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("owner", owner)
                .bind("importId", Parameter.fromOrEmpty(importId, UUID.class));
        return bindArrays(spec, chunk).map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Long> updateAll(UUID owner, UUID importId, List<TickDraft> drafts) {
        String assignments = String.join(", ", COLUMNS.stream()
                .filter(c -> !c.name().equals("source") && !c.name().equals("source_key"))
                .map(c -> c.name() + " = " + (c.name().equals("location_path")
                        ? "coalesce(string_to_array(u.location_path, ' > '), '{}')"
                        : c.name().equals("tags") ? "coalesce(string_to_array(u.tags, chr(31)), t.tags)"
                        : "u." + c.name()))
                .toList());
        String sql = "UPDATE logbook.tick AS t SET " + assignments + ", import_id = :importId, updated_at = now() FROM "
                + unnest() + " WHERE t.owner_id = :owner AND t.source = u.source AND t.source_key = u.source_key";
        return Flux.fromIterable(chunks(drafts))
                .concatMap(chunk -> bindArrays(db.sql(sql).bind("owner", owner)
                        .bind("importId", Parameter.fromOrEmpty(importId, UUID.class)), chunk).fetch().rowsUpdated())
                .reduce(0L, Long::sum);
    }

    private static String unnest() {
        String arrays = String.join(", ", COLUMNS.stream()
                .map(c -> "CAST(:" + c.name() + " AS " + (c.name().equals("location_path") || c.name().equals("tags")
                        ? "text" : c.type()) + "[])")
                .toList());
        return "unnest(" + arrays + ") AS u(" + String.join(", ", COLUMNS.stream().map(Column::name).toList()) + ")";
    }

    /** Every column travels as a text array; the casts in {@link #unnest()} give each its type. */
    private static DatabaseClient.GenericExecuteSpec bindArrays(DatabaseClient.GenericExecuteSpec spec, List<TickDraft> rows) {
        for (Column column : COLUMNS) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Object value = column.value().apply(rows.get(i));
                values[i] = value == null ? null : value.toString();
            }
            spec = spec.bind(column.name(), values);
        }
        return spec;
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
        return chunks;
    }

    /**
     * Each unlinked tick with an earlier tick from another source (same day, same route) is
     * linked to the earliest such tick that is itself not a duplicate. Hand-entered ticks are
     * the climber's own word and are never linked.
     */
    @Override
    public Mono<Long> linkCrossSourceDuplicates(UUID owner) {
        return db.sql("""
                        WITH candidate AS (
                            SELECT DISTINCT ON (t.id) t.id, p.id AS original
                              FROM logbook.tick t
                              JOIN logbook.tick p ON p.owner_id = t.owner_id AND p.climbed_on = t.climbed_on
                                                 AND p.route_match_key = t.route_match_key AND p.source <> t.source
                                                 AND p.duplicate_of IS NULL AND p.source <> :manual
                                                 AND (p.created_at, p.id) < (t.created_at, t.id)
                             WHERE t.owner_id = :owner AND t.duplicate_of IS NULL AND t.source <> :manual
                               AND t.route_match_key <> ''
                             ORDER BY t.id, p.created_at, p.id)
                        UPDATE logbook.tick t SET duplicate_of = c.original
                          FROM candidate c
                         WHERE t.id = c.id AND t.owner_id = :owner
                           AND NOT EXISTS (SELECT 1 FROM logbook.tick d WHERE d.duplicate_of = t.id)""")
                .bind("owner", owner).bind("manual", DraftBuilder.MANUAL).fetch().rowsUpdated();
    }

    @Override
    public Flux<TickView> page(UUID owner, TickFilter filter, TickSort sort, TickCursor after, int limit) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = "SELECT " + VIEW_COLUMNS + " FROM logbook.tick WHERE " + pageConditions(owner, filter, sort, after, binds)
                + " ORDER BY " + order(sort, "") + " LIMIT :limit";
        binds.put("limit", limit);
        return db.sql(sql).bindValues(binds).map(R2dbcTicks::toView).all();
    }

    /**
     * One row for the whole page: PostgreSQL selects {@code size + 1} ticks, writes the first
     * {@code size} as a JSON array in {@link TickView}'s shape, and returns the last one's sort
     * keys for the cursor. The application neither decodes 22 columns per tick nor encodes an
     * object per tick; it hands one array of bytes to the response (ADR 0011).
     */
    @Override
    public Mono<TickPageJson> pageJson(UUID owner, TickFilter filter, TickSort sort, TickCursor after, int size) {
        DatabaseClient.GenericExecuteSpec page;
        if (sort == TickSort.DATE_DESC && after == null && filter.equals(UNFILTERED)) {
            page = db.sql(NEWEST_PAGE_SQL).bind("owner", owner).bind("size", size);
        } else {
            Map<String, Object> binds = new LinkedHashMap<>();
            String conditions = pageConditions(owner, filter, sort, after, binds);
            binds.put("size", size);
            page = db.sql(PAGE_JSON_SQL.computeIfAbsent(sort + "|" + conditions, key -> pageJsonSql(sort, conditions)))
                    .bindValues(binds);
        }
        return page.map(row -> {
            TickCursor next = Boolean.TRUE.equals(row.get("more", Boolean.class))
                    ? new TickCursor(row.get("last_grade", Integer.class), row.get("last_date", LocalDate.class),
                            UUID.fromString(row.get("last_id", String.class)))
                    : null;
            // Asked for as a ByteBuf, the driver hands over a retained slice of the bytes it read
            // from the socket: the page is never copied onto the heap (as byte[] it was copied
            // once, an eighth of what a request allocated; docs/benchmarks.md). Read last, so
            // nothing after it can throw while it is held.
            return new TickPageJson(JSON_PAGES.wrap(row.get("items", ByteBuf.class)), next);
        }).one().doOnDiscard(TickPageJson.class, TickPageJson::release);
    }

    private static final TickFilter UNFILTERED = TickFilter.none();

    /**
     * The first page, newest first, unfiltered: the logbook's opening page and the API's default.
     * The same query as {@link #pageJsonSql} builds for that shape, kept in the database (logbook
     * migration V13, inlined by the planner) so the text the driver tokenizes per call is short.
     */
    private static final String NEWEST_PAGE_SQL = "SELECT * FROM logbook.newest_ticks_page(:owner, :size)";

    /**
     * The page query for one shape of request (sort, which filters, a cursor or not): built and
     * folded to single spaces once, because the driver tokenizes the whole text on every call.
     * The shapes are few (4 sorts × the filter combinations a client uses), values are bound.
     */
    private static final Map<String, String> PAGE_JSON_SQL = new ConcurrentHashMap<>();

    /** Wraps the driver's buffers as Spring's {@code DataBuffer}s (no copy; the allocator is not used). */
    private static final NettyDataBufferFactory JSON_PAGES = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private static String pageJsonSql(TickSort sort, String conditions) {
        return """
                SELECT coalesce(json_agg(p.item ORDER BY p.n) FILTER (WHERE p.n <= :size), '[]') AS items,
                       count(*) > :size AS more,
                       max(p.grade_key) FILTER (WHERE p.n = :size) AS last_grade,
                       max(p.climbed_on) FILTER (WHERE p.n = :size) AS last_date,
                       max(CAST(p.id AS text)) FILTER (WHERE p.n = :size) AS last_id
                  FROM (SELECT row_number() OVER (ORDER BY %1$s) AS n, %2$s AS grade_key, tick.climbed_on, tick.id,
                               tick.item
                          FROM logbook.tick_page_item tick
                         WHERE %3$s
                         ORDER BY %1$s
                         LIMIT :size + 1) p""".formatted(order(sort, "tick."), gradeKey("tick."), conditions)
                .replaceAll("\\s+", " ").trim();
    }

    /** The grade a page sorts by: ungraded ticks sort as {@link TickCursor#UNGRADED}. */
    private static String gradeKey(String prefix) {
        return "coalesce(" + prefix + "grade_index, " + TickCursor.UNGRADED + ")";
    }

    /** The WHERE clause of a page (owner, filters, keyset position); adds its bind values. */
    private static String pageConditions(UUID owner, TickFilter filter, TickSort sort, TickCursor after,
                                         Map<String, Object> binds) {
        StringBuilder sql = new StringBuilder("tick.owner_id = :owner AND tick.duplicate_of IS NULL");
        binds.put("owner", owner);
        if (filter.discipline() != null) {
            sql.append(" AND tick.discipline = :discipline");
            binds.put("discipline", filter.discipline());
        }
        if (filter.from() != null) {
            sql.append(" AND tick.climbed_on >= :from");
            binds.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND tick.climbed_on <= :to");
            binds.put("to", filter.to());
        }
        if (filter.minIndex() != null) {
            sql.append(" AND tick.grade_index >= :minIndex");
            binds.put("minIndex", filter.minIndex());
        }
        if (filter.maxIndex() != null) {
            sql.append(" AND tick.grade_index <= :maxIndex");
            binds.put("maxIndex", filter.maxIndex());
        }
        if (filter.send() != null) {
            sql.append(" AND tick.send = :send");
            binds.put("send", filter.send());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // Every level of the place, not only the shown one: "Red River Gorge" finds the ticks of
            // its crags, whose shown location is "Crag, Kentucky" (issue #16).
            sql.append(" AND (tick.route ILIKE :text ESCAPE '\\' OR tick.location ILIKE :text ESCAPE '\\'"
                    + " OR array_to_string(tick.location_path, ' > ') ILIKE :text ESCAPE '\\')");
            binds.put("text", "%" + filter.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" AND :tag = ANY(tick.tags)");
            binds.put("tag", filter.tag().trim());
        }
        if (filter.toConfirm()) {
            sql.append(" AND NOT tick.discipline_confirmed");
        }
        // The future starts after tomorrow: no time zone makes today's climb a future one.
        if (filter.datedInFuture()) {
            sql.append(" AND tick.climbed_on > current_date + 1 AND NOT tick.future_date_confirmed");
        }
        if (filter.happenedOnly()) {
            sql.append(" AND tick.climbed_on <= current_date + 1");
        }
        if (after != null) {
            boolean byGrade = byGrade(sort);
            String keys = byGrade ? "(" + gradeKey("tick.") + ", tick.climbed_on, tick.id)"
                    : "(tick.climbed_on, tick.id)";
            sql.append(" AND ").append(keys).append(ascending(sort) ? " > " : " < ")
                    .append(byGrade ? "(:afterGrade, :afterDate, :afterId)" : "(:afterDate, :afterId)");
            if (byGrade) {
                binds.put("afterGrade", after.gradeIndex());
            }
            binds.put("afterDate", after.date());
            binds.put("afterId", after.id());
        }
        return sql.toString();
    }

    /** ORDER BY for a sort; {@code prefix} qualifies the columns ("tick." or ""). */
    private static String order(TickSort sort, String prefix) {
        String direction = ascending(sort) ? " ASC" : " DESC";
        String grade = gradeKey(prefix);
        return (byGrade(sort) ? grade + direction + ", " : "") + prefix + "climbed_on" + direction + ", " + prefix + "id"
                + direction;
    }

    private static boolean byGrade(TickSort sort) {
        return sort == TickSort.GRADE_DESC || sort == TickSort.GRADE_ASC;
    }

    private static boolean ascending(TickSort sort) {
        return sort == TickSort.DATE_ASC || sort == TickSort.GRADE_ASC;
    }

    @Override
    public Flux<TickView> all(UUID owner) {
        return db.sql("SELECT " + VIEW_COLUMNS + " FROM logbook.tick WHERE owner_id = :owner AND duplicate_of IS NULL "
                        + "ORDER BY climbed_on DESC, id DESC")
                .bind("owner", owner).map(R2dbcTicks::toView).all();
    }

    @Override
    public Flux<ExportedTick> forExport(UUID owner) {
        return db.sql("SELECT " + VIEW_COLUMNS + ", source_style, source_lead_style, source_route_type, source_rating_code, "
                        + "source_user_grade FROM logbook.tick WHERE owner_id = :owner AND duplicate_of IS NULL "
                        + "ORDER BY climbed_on DESC, id DESC")
                .bind("owner", owner)
                .map(row -> new ExportedTick(toView(row), row.get("source_style", String.class),
                        row.get("source_lead_style", String.class), row.get("source_route_type", String.class),
                        row.get("source_rating_code", Integer.class), row.get("source_user_grade", String.class)))
                .all();
    }

    @Override
    public Mono<TickView> find(UUID owner, UUID id) {
        return db.sql("SELECT " + VIEW_COLUMNS + " FROM logbook.tick WHERE owner_id = :owner AND id = :id")
                .bind("owner", owner).bind("id", id).map(R2dbcTicks::toView).one();
    }

    @Override
    public Mono<TickView> insert(UUID owner, TickDraft draft) {
        return insertChunk(owner, null, List.of(draft)).next().flatMap(id -> find(owner, id));
    }

    /**
     * What a climber edits by hand ({@code HandEnteredTick}) and what follows from it.
     * Everything else a tick holds came from its source: the route's link and stars, the
     * climber's own stars, the source's style words, the source key and content hash. A hand
     * edit keeps all of it (issue #16: an edit used to erase the Mountain Project link and stars).
     */
    static final Set<String> EDITED_BY_HAND = Set.of("route", "climbed_on", "grade", "grade_system", "grade_index",
            "grade_level", "protection", "aid_grade", "discipline", "discipline_confirmed", "style", "send", "pitches",
            "length_ft", "location", "location_path", "notes", "notes_plain", "tags");

    /**
     * Read from the grade text, so kept while the text is: an import may have read it with more
     * than the text (Mountain Project's rating code repairs grades a spreadsheet mangled), and an
     * edit of the notes must not undo that.
     */
    private static final Set<String> READ_FROM_GRADE = Set.of("grade_system", "grade_index", "grade_level", "protection",
            "aid_grade");

    @Override
    public Mono<TickView> update(UUID owner, UUID id, TickDraft draft) {
        List<Column> edited = COLUMNS.stream().filter(c -> EDITED_BY_HAND.contains(c.name())).toList();
        // In SET, columns on the right are the row before the update.
        String sameGrade = "grade IS NOT DISTINCT FROM CAST(:grade AS text)";
        String assignments = String.join(", ", edited.stream()
                .map(c -> c.name() + " = " + (c.name().equals("location_path")
                        ? "coalesce(string_to_array(CAST(:location_path AS text), ' > '), '{}')"
                        : c.name().equals("tags") ? "coalesce(string_to_array(CAST(:tags AS text), chr(31)), tags)"
                        : READ_FROM_GRADE.contains(c.name())
                        ? "CASE WHEN " + sameGrade + " THEN " + c.name() + " ELSE CAST(:" + c.name() + " AS " + c.type() + ") END"
                        : "CAST(:" + c.name() + " AS " + c.type() + ")"))
                .toList())
                // The rating code names the grade the source gave: it goes when the climber changes the grade.
                + ", source_rating_code = CASE WHEN " + sameGrade + " THEN source_rating_code END"
                // A confirmed future date is confirmed for that date only.
                + ", future_date_confirmed = future_date_confirmed AND climbed_on = CAST(:climbed_on AS date)";
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE logbook.tick SET " + assignments
                + ", updated_at = now() WHERE owner_id = :owner AND id = :id").bind("owner", owner).bind("id", id);
        for (Column column : edited) {
            Object value = column.value().apply(draft);
            spec = spec.bind(column.name(), Parameter.fromOrEmpty(value == null ? null : value.toString(), String.class));
        }
        return spec.fetch().rowsUpdated().flatMap(n -> n > 0 ? find(owner, id) : Mono.empty());
    }

    @Override
    public Mono<TickView> confirmDate(UUID owner, UUID id) {
        return db.sql("UPDATE logbook.tick SET future_date_confirmed = true, updated_at = now() WHERE owner_id = :owner AND id = :id")
                .bind("owner", owner).bind("id", id)
                .fetch().rowsUpdated().flatMap(n -> n > 0 ? find(owner, id) : Mono.empty());
    }

    /**
     * An imported tick is remembered whole as it goes (issue #16): a re-import skips it, and the
     * climber can bring it back. A hand-entered tick has no source key to come back by.
     */
    @Override
    public Mono<Boolean> delete(UUID owner, UUID id) {
        return db.sql("""
                        WITH gone AS (
                            DELETE FROM logbook.tick WHERE owner_id = :owner AND id = :id RETURNING *),
                        remembered AS (
                            INSERT INTO logbook.deleted_tick (id, owner_id, source, source_key, route, climbed_on, tick)
                            SELECT g.id, g.owner_id, g.source, g.source_key, g.route, g.climbed_on, to_jsonb(g)
                              FROM gone g
                            ON CONFLICT (owner_id, source, source_key) DO UPDATE
                               SET id = EXCLUDED.id, route = EXCLUDED.route, climbed_on = EXCLUDED.climbed_on,
                                   tick = EXCLUDED.tick, deleted_at = now())
                        -- A data-modifying WITH runs whether or not the query reads it.
                        SELECT count(*) AS deleted FROM gone""")
                .bind("owner", owner).bind("id", id)
                .map(row -> row.get("deleted", Long.class) > 0).one();
    }

    @Override
    public Mono<java.util.Set<String>> deletedSourceKeys(UUID owner, String source) {
        return db.sql("SELECT source_key FROM logbook.deleted_tick WHERE owner_id = :owner AND source = :source "
                        + "AND source_key IS NOT NULL")
                .bind("owner", owner).bind("source", source)
                .map(row -> row.get("source_key", String.class)).all().collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Flux<DeletedTick> deleted(UUID owner) {
        return db.sql("""
                        SELECT id, source, route, climbed_on, deleted_at FROM logbook.deleted_tick
                         WHERE owner_id = :owner ORDER BY deleted_at DESC, climbed_on DESC, id""")
                .bind("owner", owner)
                .map(row -> new DeletedTick(row.get("id", UUID.class), row.get("source", String.class),
                        row.get("route", String.class), row.get("climbed_on", LocalDate.class),
                        row.get("deleted_at", java.time.OffsetDateTime.class)))
                .all();
    }

    @Override
    public Mono<TickView> restore(UUID owner, UUID id) {
        return db.sql("SELECT logbook.restore_deleted_tick(:owner, :id) AS restored").bind("owner", owner).bind("id", id)
                .map(row -> java.util.Optional.ofNullable(row.get("restored", UUID.class))).one()
                .flatMap(restored -> restored.map(tick -> find(owner, tick)).orElse(Mono.empty()));
    }

    @Override
    public Flux<LoggedNote> uncleanedNotes(int limit) {
        return db.sql("SELECT owner_id, id, notes FROM logbook.tick WHERE notes IS NOT NULL AND notes_plain IS NULL LIMIT :limit")
                .bind("limit", limit)
                .map(row -> new LoggedNote(row.get("owner_id", UUID.class), row.get("id", UUID.class),
                        row.get("notes", String.class)))
                .all();
    }

    @Override
    public Mono<Long> storeServedNotes(List<LoggedNote> served) {
        return db.sql("""
                        UPDATE logbook.tick AS t SET notes_plain = u.note
                          FROM unnest(CAST(:owners AS uuid[]), CAST(:ids AS uuid[]), CAST(:notes AS text[])) AS u(owner, id, note)
                         WHERE t.owner_id = u.owner AND t.id = u.id""")
                .bind("owners", served.stream().map(LoggedNote::owner).toArray(UUID[]::new))
                .bind("ids", served.stream().map(LoggedNote::id).toArray(UUID[]::new))
                .bind("notes", served.stream().map(LoggedNote::note).toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM logbook.deleted_tick WHERE owner_id = :owner").bind("owner", owner).then()
                .then(db.sql("DELETE FROM logbook.tick WHERE owner_id = :owner").bind("owner", owner).then());
    }

    private static TickView toView(Readable row) {
        String[] path = row.get("location_path", String[].class);
        String[] tags = row.get("tags", String[].class);
        String[] alsoIn = row.get("also_logged_in", String[].class);
        return new TickView(row.get("id", UUID.class), row.get("climbed_on", LocalDate.class), row.get("route", String.class),
                row.get("grade", String.class), row.get("grade_system", String.class), row.get("grade_index", Integer.class),
                row.get("grade_level", Integer.class), row.get("protection", String.class), row.get("discipline", String.class),
                Boolean.TRUE.equals(row.get("discipline_confirmed", Boolean.class)), Boolean.TRUE.equals(row.get("send", Boolean.class)),
                row.get("style", String.class), row.get("pitches", Integer.class), row.get("length_ft", Integer.class),
                row.get("location", String.class), path == null ? List.of() : List.of(path), row.get("route_url", String.class),
                row.get("notes", String.class), row.get("route_stars", BigDecimal.class), row.get("user_stars", BigDecimal.class),
                row.get("source", String.class), tags == null ? List.of() : List.of(tags),
                alsoIn == null ? List.of() : List.of(alsoIn), Boolean.TRUE.equals(row.get("dated_in_future", Boolean.class)));
    }
}
