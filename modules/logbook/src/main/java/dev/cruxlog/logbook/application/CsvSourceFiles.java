package dev.cruxlog.logbook.application;

import java.util.List;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.SourceRow;
import reactor.core.publisher.Mono;

/** Out-port: reads CSV exports (opencsv, which blocks: the adapter runs it off the event loop). */
public interface CsvSourceFiles {

    /**
     * @param requiredColumns columns the export must have; a clear rejection names the ones it has
     */
    Mono<List<SourceRow>> read(byte[] content, List<String> requiredColumns, ImportLimits limits);
}
