package dev.cruxlog.support;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReaderHeaderAware;

/** The real exports in ../shared/data, and an independent reading of them for known-answer tests. */
public final class SharedExports {

    private SharedExports() {
    }

    public static Path file(String relative) {
        String override = System.getenv("CRUXLOG_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        throw new IllegalStateException("../shared/data not found; set CRUXLOG_SHARED_DATA");
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows as opencsv reads them, header names cleaned of a byte-order mark. */
    public static List<Map<String, String>> rows(byte[] csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = new StringReader(new String(csv, StandardCharsets.UTF_8));
             CSVReaderHeaderAware parser = new CSVReaderHeaderAware(reader)) {
            Map<String, String> row;
            while ((row = parser.readMap()) != null) {
                Map<String, String> clean = new HashMap<>();
                row.forEach((key, value) -> clean.put(key.replace("\uFEFF", "").trim(), value));
                rows.add(clean);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
