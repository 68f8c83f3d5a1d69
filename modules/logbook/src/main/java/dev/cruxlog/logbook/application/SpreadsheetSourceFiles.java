package dev.cruxlog.logbook.application;

import java.util.List;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.SourceRow;
import reactor.core.publisher.Mono;

/** Out-port: reads the first sheet of an Excel (.xlsx) export, header row first, like a CSV. */
public interface SpreadsheetSourceFiles {

    Mono<List<SourceRow>> read(byte[] content, List<String> requiredColumns, ImportLimits limits);
}
