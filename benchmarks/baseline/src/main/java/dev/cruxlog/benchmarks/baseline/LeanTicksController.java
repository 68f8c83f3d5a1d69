package dev.cruxlog.benchmarks.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code BASELINE_MODE=lean}: {@code GET /api/v1/logbook/ticks} the cheapest way a
 * thread-per-request app could serve it: verify the HS256 bearer token by hand (same secret,
 * signature and subject only), run a plain first-page query through JDBC on a HikariCP pool of
 * the same size, write the rows as JSON maps. The floor of what blocking costs, not the same
 * work as Cruxlog (see {@link FairTicksController} for that).
 */
@RestController
@ConditionalOnProperty(name = "baseline.mode", havingValue = "lean", matchIfMissing = true)
class LeanTicksController {

    /** Cruxlog's keyset first page before the page JSON moved into SQL (VIEW_COLUMNS, duplicate filter, order, limit). */
    static final String FIRST_PAGE = """
            SELECT id, climbed_on, route, grade, grade_system, grade_index, grade_level, protection, discipline,
                   discipline_confirmed, send, style, pitches, length_ft, location, location_path, route_url, notes, route_stars,
                   user_stars, source, tags,
                   ARRAY(SELECT DISTINCT d.source FROM logbook.tick d WHERE d.duplicate_of = tick.id AND d.owner_id = tick.owner_id
                         ORDER BY d.source) AS also_logged_in
              FROM logbook.tick WHERE owner_id = ? AND duplicate_of IS NULL
             ORDER BY climbed_on DESC, id DESC LIMIT ?""";

    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final JdbcTemplate jdbc;
    private final byte[] secret;

    LeanTicksController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.secret = Base64.getDecoder().decode(System.getenv("CRUXLOG_TOKEN_SECRET"));
    }

    @GetMapping("/api/v1/logbook/ticks")
    Map<String, Object> ticks(@RequestHeader("Authorization") String authorization,
                              @RequestParam(defaultValue = "50") int limit) {
        UUID owner = owner(authorization);
        int size = Math.max(1, Math.min(limit, 200));
        List<Map<String, Object>> rows = jdbc.query(FIRST_PAGE, (rs, i) -> {
            Map<String, Object> tick = new LinkedHashMap<>();
            for (String column : List.of("id", "climbed_on", "route", "grade", "grade_system", "grade_index", "grade_level",
                    "protection", "discipline", "discipline_confirmed", "send", "style", "pitches", "length_ft", "location",
                    "route_url", "notes", "route_stars", "user_stars", "source")) {
                Object value = rs.getObject(column);
                tick.put(column, value == null ? null : value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
            tick.put("location_path", array(rs.getArray("location_path")));
            tick.put("tags", array(rs.getArray("tags")));
            tick.put("also_logged_in", array(rs.getArray("also_logged_in")));
            return tick;
        }, owner, size + 1);
        Map<String, Object> page = new HashMap<>();
        page.put("items", rows.size() > size ? rows.subList(0, size) : rows);
        page.put("nextCursor", rows.size() > size ? "more" : null);
        return page;
    }

    private static List<Object> array(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : new ArrayList<>(List.of((Object[]) array.getArray()));
    }

    /** HS256 JWT check: signature over header.payload with the shared secret, then the subject. */
    private UUID owner(String authorization) {
        try {
            String token = authorization.substring("Bearer ".length());
            String[] parts = token.split("\\.");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
            }
            Matcher subject = SUBJECT.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!subject.find()) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
            }
            return UUID.fromString(subject.group(1));
        } catch (ResponseStatusException e) {
            throw e;
        } catch (Exception e) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
    }
}
