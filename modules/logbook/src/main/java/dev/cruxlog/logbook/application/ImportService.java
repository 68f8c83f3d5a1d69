package dev.cruxlog.logbook.application;

import java.util.UUID;

import dev.cruxlog.identity.EightAProfile;
import dev.cruxlog.identity.MountainProjectProfile;
import dev.cruxlog.logbook.ImportView;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.MountainProjectRows;
import dev.cruxlog.logbook.domain.SourceFormat;
import dev.cruxlog.logbook.domain.UploadedFileName;
import dev.cruxlog.platform.jobs.JobQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starting imports. Everything that can be judged from the file alone (size, kind,
 * columns) is judged here, so a wrong file gets a 4xx at once; the rest runs as a job on
 * the platform queue, which survives restarts and runs on whichever instance is free.
 */
@Service
public class ImportService {

    static final String JOB_KIND = "logbook.import";

    /** Ticks fetched from an 8a.nu profile; an uploaded 8a.nu file keeps its own source id. */
    public static final String EIGHT_A_PROFILE_SOURCE = "eight-a";

    private final Imports imports;
    private final JobQueue jobs;
    private final TransactionalOperator transaction;
    private final ImportLimits limits;

    public ImportService(Imports imports, JobQueue jobs, TransactionalOperator transaction) {
        this.imports = imports;
        this.jobs = jobs;
        this.transaction = transaction;
        this.limits = ImportLimits.DEFAULT;
    }

    public ImportLimits limits() {
        return limits;
    }

    /** An uploaded export; {@code requestedSource} may be null to detect it from the content. */
    public Mono<ImportView> upload(UUID owner, String requestedSource, String fileName, byte[] content) {
        return Mono.defer(() -> {
            if (content.length > limits.maxFileBytes()) {
                return Mono.error(ImportRejected.tooLarge(limits));
            }
            SourceFormat detected = SourceFormat.detect(content);
            UploadedFileName name = UploadedFileName.of(fileName);
            // The content decides what a file is; a name that says otherwise (ASVS 5.2.2) is a file
            // renamed by mistake or on purpose, and either way not the export it claims to be.
            String extension = name == null ? null : name.extension();
            if (extension != null && !detected.container().extensions().contains(extension)) {
                return Mono.error(new ImportRejected("The file is named " + name.value() + ", but it is "
                        + detected.description() + ", which comes as ." + String.join(" or .",
                        detected.container().extensions()) + ". Upload the file as the site exported it."));
            }
            if (requestedSource != null && !requestedSource.isBlank()) {
                SourceFormat.checkKnownSource(requestedSource);
                if (!detected.isSource(requestedSource)) {
                    return Mono.error(new ImportRejected("You chose " + requestedSource.trim() + ", but this file is "
                            + detected.description() + "."));
                }
            }
            return transaction.transactional(imports.create(owner, detected.source(), name == null ? null : name.value(), null)
                    .flatMap(id -> imports.saveFile(id, content)
                            .then(jobs.enqueue(JOB_KIND, new ImportJob.Payload(id)))
                            .then(imports.find(owner, id))));
        });
    }

    /** Fetches the tick export of a Mountain Project profile, in the background. */
    public Mono<ImportView> fromMountainProjectProfile(UUID owner, String profileUrl) {
        return Mono.defer(() -> {
            MountainProjectProfile profile;
            try {
                profile = MountainProjectProfile.parse(profileUrl);
            } catch (IllegalArgumentException e) {
                return Mono.error(new ImportRejected(e.getMessage()));
            }
            return transaction.transactional(imports.create(owner, MountainProjectRows.SOURCE, null, profile.url())
                    .flatMap(id -> jobs.enqueue(JOB_KIND, new ImportJob.Payload(id))
                            .then(imports.find(owner, id))));
        });
    }

    /**
     * Fetches the public ascents of an 8a.nu profile, in the background. Only the profile's
     * name is taken: 8a.nu passwords are never asked for or stored.
     */
    public Mono<ImportView> fromEightAProfile(UUID owner, String profileSlug) {
        return Mono.defer(() -> {
            EightAProfile profile;
            try {
                profile = EightAProfile.parse(profileSlug);
            } catch (IllegalArgumentException e) {
                return Mono.error(new ImportRejected(e.getMessage()));
            }
            return transaction.transactional(imports.create(owner, EIGHT_A_PROFILE_SOURCE, null, profile.address())
                    .flatMap(id -> jobs.enqueue(JOB_KIND, new ImportJob.Payload(id))
                            .then(imports.find(owner, id))));
        });
    }

    public Mono<ImportView> find(UUID owner, UUID id) {
        return imports.find(owner, id);
    }

    public Flux<ImportView> history(UUID owner) {
        return imports.list(owner, 100);
    }
}
