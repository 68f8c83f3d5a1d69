package dev.cruxlog.logbook.application;

import reactor.core.publisher.Mono;

/** Out-port: reads JSON exports (8a.nu ascents, 27crags) into records. */
public interface JsonSourceFiles {

    /**
     * @param recordsPointer a JSON pointer to the array of records ("/ascents", "/climber/ascents");
     *                       the scalar fields of the object holding that array become the context
     */
    Mono<SourceRecords> read(byte[] content, String recordsPointer, ImportLimits limits);
}
