package dev.cruxlog.logbook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An import and how it went; the API's {@code GET /api/v1/logbook/imports/{id}} shape.
 *
 * @param ticksKeptDeleted rows that were ticks the climber had deleted: not imported again
 *                         (they can bring them back from their deleted ticks)
 */
public record ImportView(UUID id, String source, ImportStatus status, int rowsRead, int ticksAdded, int ticksUpdated,
                         int ticksUnchanged, int ticksSkipped, int ticksKeptDeleted, List<Warning> warnings, String error,
                         String fileName, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

    public record Warning(int row, String message) {
    }

    public boolean finished() {
        return status.finished();
    }
}
