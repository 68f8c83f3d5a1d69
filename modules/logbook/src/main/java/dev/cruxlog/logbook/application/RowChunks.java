package dev.cruxlog.logbook.application;

import java.util.Arrays;
import java.util.List;

import dev.cruxlog.logbook.domain.SourceRow;
import reactor.core.publisher.Flux;

/**
 * Rows already read whole (a spreadsheet's, a JSON document's) handed on a chunk at a time, each
 * chunk let go of here as it is handed on: what the import has translated is no longer held.
 * The flux can therefore be subscribed to once: its rows are gone after.
 */
final class RowChunks {

    private RowChunks() {
    }

    static Flux<List<SourceRow>> of(List<SourceRow> rows, int chunkRows) {
        SourceRow[] held = rows.toArray(SourceRow[]::new);
        return Flux.generate(() -> 0, (from, sink) -> {
            if (from >= held.length) {
                sink.complete();
                return from;
            }
            int to = Math.min(held.length, from + chunkRows);
            List<SourceRow> chunk = List.of(Arrays.copyOfRange(held, from, to));
            Arrays.fill(held, from, to, null);
            sink.next(chunk);
            return to;
        });
    }
}
