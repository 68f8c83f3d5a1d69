package dev.cruxlog.logbook.application;

import java.util.List;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.SourceRow;
import reactor.core.publisher.Flux;

/** Out-port: reads CSV exports (opencsv, which blocks: the adapter runs it off the event loop). */
public interface CsvSourceFiles {

    /**
     * An export's rows, read as they are asked for, at most {@code chunkRows} at a time: a file is
     * then never held as rows all at once. The header is checked when the flux is subscribed to;
     * a row breaking a limit ends it with an {@code ImportRejected} naming the line.
     *
     * @param requiredColumns columns the export must have; a clear rejection names the ones it has
     */
    Flux<List<SourceRow>> rows(byte[] content, List<String> requiredColumns, ImportLimits limits, int chunkRows);
}
