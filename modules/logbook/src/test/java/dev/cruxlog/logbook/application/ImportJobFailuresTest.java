package dev.cruxlog.logbook.application;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.logbook.ImportStatus;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobPayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import job's failure paths, alone against in-memory ports: every way an import can go
 * wrong ends it failed with a reason a climber can act on, and the logbook is never touched; an
 * unexpected error is retried by the queue until the last attempt, which fails the import for good.
 */
class ImportJobFailuresTest {

    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID IMPORT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private final InMemoryImports imports = new InMemoryImports(IMPORT);
    private final List<String> logbookCalls = new ArrayList<>();
    private final JobPayloads payloads = new JobPayloads(JsonMapper.builder().build());
    private final ImportJob job = new ImportJob(imports, untouchedTicks(), null, null, null, null, null, new GradeCatalog(),
            payloads, null, null, Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void noFailurePathSucceeded() {
        assertThat(imports.succeeded).as("a failure path succeeded").isEmpty();
    }

    @Test
    void aFileThatIsGoneFailsTheImportSayingSo() {
        imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", ImportStatus.QUEUED, null);
        imports.file = null;

        StepVerifier.create(job.handle(job(1, 3))).verifyComplete();

        assertThat(imports.failed).containsExactly("The uploaded file is gone.");
        assertThat(logbookCalls).isEmpty();
    }

    @Test
    void aFileOfAnotherKindThanTheSourceChosenFailsNamingBoth() {
        imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", ImportStatus.QUEUED, null);
        imports.file = "%PDF-1.7 a scanned logbook".getBytes(StandardCharsets.ISO_8859_1);

        StepVerifier.create(job.handle(job(1, 3))).verifyComplete();

        assertThat(imports.failed).singleElement().asString().contains("PDF");
        assertThat(logbookCalls).isEmpty();
    }

    @Test
    void anUnexpectedErrorIsRetriedThenFailsTheImportForGoodOnTheLastAttempt() {
        imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", ImportStatus.QUEUED, null);
        imports.file = "Date,Route\n".getBytes(StandardCharsets.UTF_8);
        imports.markRunningFails = true;

        StepVerifier.create(job.handle(job(1, 3))).expectErrorMessage("connection reset").verify();
        assertThat(imports.failed).as("not yet: the queue retries").isEmpty();

        StepVerifier.create(job.handle(job(3, 3))).verifyComplete();
        assertThat(imports.failed).singleElement().asString().startsWith("The import failed unexpectedly; nothing was changed.");
        assertThat(logbookCalls).isEmpty();
    }

    @Test
    void aFinishedImportDeliveredAgainIsLeftAsItIs() {
        for (ImportStatus finished : List.of(ImportStatus.SUCCEEDED, ImportStatus.FAILED)) {
            imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", finished, null);

            StepVerifier.create(job.handle(job(1, 3))).verifyComplete();
        }
        assertThat(imports.runningWithRowsRead).isEmpty();
        assertThat(imports.failed).isEmpty();
    }

    private Job job(int attempt, int maxAttempts) {
        return new Job(7, ImportService.JOB_KIND, "{\"importId\":\"" + IMPORT + "\"}", attempt, maxAttempts);
    }

    /** No failure path may reach the logbook's ticks: any call is recorded and refused. */
    private Ticks untouchedTicks() {
        return (Ticks) Proxy.newProxyInstance(Ticks.class.getClassLoader(), new Class<?>[] {Ticks.class}, (proxy, method, args) -> {
            logbookCalls.add(method.getName());
            throw new AssertionError("a failed import touched the logbook: " + method.getName());
        });
    }
}
