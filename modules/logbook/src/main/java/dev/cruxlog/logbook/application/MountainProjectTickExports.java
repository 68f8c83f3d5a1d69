package dev.cruxlog.logbook.application;

import reactor.core.publisher.Mono;

/** Out-port: a climber's tick export, fetched from Mountain Project by profile address. */
public interface MountainProjectTickExports {

    /** @param profileUrl a normalised {@code https://www.mountainproject.com/user/<id>/<slug>} */
    Mono<byte[]> fetch(String profileUrl);
}
