package dev.cruxlog.logbook.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.logbook.ImportView;
import dev.cruxlog.logbook.domain.ImportWarning;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The import job's view of imports, in memory: one job, its file, and what the job said of it. */
final class InMemoryImports implements Imports {

    private final UUID id;

    Job job;
    byte[] file;
    boolean markRunningFails;
    /** Only the counts of rows read as an import goes (those after its first, of 0) fail. */
    boolean progressWritesFail;
    /** The rows read, each time the job said it was running. */
    final List<Integer> runningWithRowsRead = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    /** Ticks added by each import that succeeded. */
    final List<Long> succeeded = new ArrayList<>();

    InMemoryImports(UUID id) {
        this.id = id;
    }

    @Override
    public Mono<Job> forJob(UUID importId) {
        return Mono.justOrEmpty(importId.equals(id) ? job : null);
    }

    @Override
    public Mono<byte[]> file(UUID importId) {
        return Mono.justOrEmpty(file);
    }

    @Override
    public Mono<Void> markRunning(UUID importId, int rowsRead) {
        return markRunningFails || (progressWritesFail && rowsRead > 0) ? Mono.error(new IllegalStateException("connection reset"))
                : Mono.fromRunnable(() -> runningWithRowsRead.add(rowsRead));
    }

    @Override
    public Mono<Void> fail(UUID importId, String error, List<ImportWarning> warnings) {
        return Mono.fromRunnable(() -> failed.add(error));
    }

    @Override
    public Mono<Void> succeed(UUID importId, int rowsRead, long added, long updated, long unchanged, int skipped,
                              long keptDeleted, List<ImportWarning> warnings) {
        return Mono.fromRunnable(() -> succeeded.add(added));
    }

    @Override
    public Mono<UUID> create(UUID owner, String source, String fileName, String profileUrl) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Void> saveFile(UUID importId, byte[] content) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<ImportView> find(UUID owner, UUID importId) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Flux<ImportView> list(UUID owner, int limit) {
        return Flux.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return Mono.error(new UnsupportedOperationException());
    }
}
