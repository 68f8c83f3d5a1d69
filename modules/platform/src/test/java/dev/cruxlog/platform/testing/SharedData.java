package dev.cruxlog.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real logbook exports in {@code ../shared/data} (beside the repository), or where
 * {@code CRUXLOG_SHARED_DATA} points.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String override = System.getenv("CRUXLOG_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The shared logbook exports were not found: expected ../shared/data beside the "
                + "repository, or set CRUXLOG_SHARED_DATA");
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
