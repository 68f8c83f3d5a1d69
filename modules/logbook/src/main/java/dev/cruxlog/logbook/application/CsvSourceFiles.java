package dev.cruxlog.logbook.application;

import java.util.List;

import reactor.core.publisher.Mono;

/** Out-port: reads CSV exports (opencsv, which blocks: the adapter runs it off the event loop). */
public interface CsvSourceFiles {

    /**
     * @param requiredColumns columns the export must have; a clear rejection names the ones it has
     */
    Mono<List<SourceRow>> read(byte[] content, List<String> requiredColumns, ImportLimits limits);
}
