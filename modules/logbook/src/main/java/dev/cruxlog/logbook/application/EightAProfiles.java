package dev.cruxlog.logbook.application;

import dev.cruxlog.identity.EightAProfile;
import dev.cruxlog.logbook.domain.ImportRejected;
import reactor.core.publisher.Mono;

/**
 * Out-port: the public ascents of an 8a.nu profile, fetched politely. Never signs in: a
 * profile that needs a password fails with {@link ImportRejected} pointing at the CSV export.
 */
public interface EightAProfiles {

    /** @return every ascent as 8a.nu's ascent JSON, {@code {"ascents":[...]}} */
    Mono<byte[]> fetchAscents(EightAProfile profile);
}
