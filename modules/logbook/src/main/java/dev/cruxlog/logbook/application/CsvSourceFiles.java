package dev.cruxlog.logbook.application;

import java.util.List;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.SourceRow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Out-port: reads CSV exports (opencsv, which blocks: the adapter runs it off the event loop). */
public interface CsvSourceFiles {

    /**
     * @param requiredColumns columns the export must have; a clear rejection names the ones it has
     */
    Mono<List<SourceRow>> read(byte[] content, List<String> requiredColumns, ImportLimits limits);

    /**
     * The same rows read as they are asked for, at most {@code chunkRows} at a time: a file is
     * then never held as rows all at once. The header is checked when the first chunk is asked
     * for; a later row breaking a limit ends the flux with the same {@code ImportRejected}.
     */
    Flux<List<SourceRow>> rows(byte[] content, List<String> requiredColumns, ImportLimits limits, int chunkRows);
}
