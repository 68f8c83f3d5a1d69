package dev.cruxlog.benchmarks.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL text of {@code benchmarks/sql/ticks-page.sql} (path from {@code TICKS_PAGE_SQL}) made
 * into a JDBC statement: whole-line {@code --} comments dropped (they mention the parameters),
 * each {@code :owner} and {@code :size} replaced by {@code ?}, and the order of the parameters
 * kept so each {@code ?} is bound to the right value ({@code :size} appears several times).
 */
record TicksPageSql(String sql, List<String> parameters) {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(owner|size)\\b");

    static TicksPageSql load(String path) throws IOException {
        Path file = Path.of(path).toAbsolutePath();
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("TICKS_PAGE_SQL: cannot read " + file + " (give the absolute path of benchmarks/sql/ticks-page.sql)");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static TicksPageSql parse(String text) {
        String body = text.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        List<String> parameters = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(body);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            parameters.add(matcher.group(1));
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        if (!parameters.contains("owner") || !parameters.contains("size")) {
            throw new IllegalStateException("ticks-page.sql must use :owner and :size, found " + parameters);
        }
        return new TicksPageSql(sql.toString(), List.copyOf(parameters));
    }
}
