package dev.cruxlog.logbook.application;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.SourceRecords;
import reactor.core.publisher.Mono;

/** Out-port: reads JSON exports (8a.nu ascents, 27crags) into records. */
public interface JsonSourceFiles {

    /**
     * @param recordsPointer a JSON pointer to the array of records ("/ascents", "/climber/ascents");
     *                       the scalar fields of the object holding that array become the context
     */
    Mono<SourceRecords> read(byte[] content, String recordsPointer, ImportLimits limits);
}
