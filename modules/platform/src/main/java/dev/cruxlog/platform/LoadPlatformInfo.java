package dev.cruxlog.platform;

import reactor.core.publisher.Mono;

/** Use case: describe the running instance and the database it talks to. */
public interface LoadPlatformInfo {

    Mono<PlatformInfo> load();
}
