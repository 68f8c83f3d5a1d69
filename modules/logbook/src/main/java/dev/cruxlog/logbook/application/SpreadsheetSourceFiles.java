package dev.cruxlog.logbook.application;

import java.util.List;

import reactor.core.publisher.Mono;

/** Out-port: reads the first sheet of an Excel (.xlsx) export, header row first, like a CSV. */
public interface SpreadsheetSourceFiles {

    Mono<List<SourceRow>> read(byte[] content, List<String> requiredColumns, ImportLimits limits);
}
