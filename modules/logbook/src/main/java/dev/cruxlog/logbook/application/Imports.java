package dev.cruxlog.logbook.application;

import java.util.List;
import java.util.UUID;

import dev.cruxlog.logbook.ImportStatus;
import dev.cruxlog.logbook.ImportView;
import dev.cruxlog.logbook.domain.ImportWarning;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Out-port: import records and their uploaded files. */
public interface Imports {

    Mono<UUID> create(UUID owner, String source, String fileName, String profileUrl);

    Mono<Void> saveFile(UUID importId, byte[] content);

    Mono<byte[]> file(UUID importId);

    Mono<ImportView> find(UUID owner, UUID importId);

    /** For the job, which acts for whoever started the import. */
    Mono<Job> forJob(UUID importId);

    Flux<ImportView> list(UUID owner, int limit);

    Mono<Void> markRunning(UUID importId, int rowsRead);

    /** @param keptDeleted rows that were ticks the climber had deleted, not imported again */
    Mono<Void> succeed(UUID importId, int rowsRead, long added, long updated, long unchanged, int skipped,
                       long keptDeleted, List<ImportWarning> warnings);

    Mono<Void> fail(UUID importId, String error, List<ImportWarning> warnings);

    Mono<Void> eraseOwnedBy(UUID owner);

    record Job(UUID id, UUID owner, String source, ImportStatus status, String profileUrl) {
    }
}
