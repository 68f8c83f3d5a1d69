package dev.cruxlog.benchmarks.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code BASELINE_MODE=fair}: {@code GET /api/v1/logbook/ticks} doing the same work per request
 * as Cruxlog's first page: the climber from the verified token's subject, the SQL of
 * {@code benchmarks/sql/ticks-page.sql} (PostgreSQL builds the page's items as JSON) through
 * JDBC on the HikariCP pool, and {@code {"items":<that JSON as is>,"nextCursor":...}} written
 * without parsing it. The cursor, when there is a next page, is Cruxlog's: base64url without
 * padding of {@code last_grade|last_date|last_id}.
 */
@RestController
@ConditionalOnProperty(name = "baseline.mode", havingValue = "fair")
class FairTicksController {

    private static final byte[] ITEMS = "{\"items\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_CURSOR = ",\"nextCursor\":null}".getBytes(StandardCharsets.US_ASCII);

    private final JdbcTemplate jdbc;
    private final TicksPageSql page;

    FairTicksController(JdbcTemplate jdbc, @Value("${TICKS_PAGE_SQL:../sql/ticks-page.sql}") String sqlFile) throws IOException {
        this.jdbc = jdbc;
        this.page = TicksPageSql.load(sqlFile);
    }

    private record Page(byte[] items, String nextCursor) {
    }

    @GetMapping("/api/v1/logbook/ticks")
    void ticks(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "50") int limit, HttpServletResponse response)
            throws IOException {
        UUID owner = UUID.fromString(token.getSubject());
        int size = Math.max(1, Math.min(limit, 200));
        List<String> parameters = page.parameters();
        Page result = jdbc.query(page.sql(), (PreparedStatementSetter) statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).equals("owner")) {
                    statement.setObject(i + 1, owner);
                } else {
                    statement.setInt(i + 1, size);
                }
            }
        }, (ResultSetExtractor<Page>) rs -> {
            rs.next();
            String cursor = rs.getBoolean("more")
                    ? Base64.getUrlEncoder().withoutPadding().encodeToString((rs.getString("last_grade") + "|"
                            + rs.getString("last_date") + "|" + rs.getString("last_id")).getBytes(StandardCharsets.UTF_8))
                    : null;
            return new Page(rs.getString("items").getBytes(StandardCharsets.UTF_8), cursor);
        });
        byte[] tail = result.nextCursor() == null ? NO_CURSOR
                : (",\"nextCursor\":\"" + result.nextCursor() + "\"}").getBytes(StandardCharsets.US_ASCII);
        response.setContentType("application/json");
        response.setContentLength(ITEMS.length + result.items().length + tail.length);
        ServletOutputStream out = response.getOutputStream();
        out.write(ITEMS);
        out.write(result.items());
        out.write(tail);
    }
}
