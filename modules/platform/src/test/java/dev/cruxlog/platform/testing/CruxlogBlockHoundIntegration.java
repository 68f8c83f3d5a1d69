package dev.cruxlog.platform.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Cruxlog's BlockHound allow-list, loaded in every test JVM through
 * {@code META-INF/services}. Each entry is as narrow as it can be and says why.
 */
public class CruxlogBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Cancelling a Reactor timer (Flux.interval, Mono.delay, timeout) removes its task from
        // the scheduler's queue under the queue's lock, held for microseconds and never for I/O.
        // Under contention the lock parks, and BlockHound reports it from whichever event-loop
        // thread cancelled. Seen in JobQueueTest when a worker's timers are disposed.
        builder.allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "cancel");
        // Jackson builds a deserializer the first time it meets a type, under a lock held for
        // that in-memory construction only. Two event loops reading the same new type at once
        // park briefly. Seen in JobQueueTest (two workers reading their first payload together).
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        // WebClient (the tests' WebTestClient, and any multipart upload the app might send)
        // draws a multipart boundary from a SecureRandom, which reads /dev/urandom: a read that
        // never waits on Linux. Seen when LogbookImportTest uploads files.
        builder.allowBlockingCallsInside("org.springframework.util.MimeTypeUtils", "generateMultipartBoundary");
        // Netty 4.2's adaptive buffer allocator grows its set of magazines under a StampedLock
        // (in memory, a few array writes). Two event loops allocating read buffers at the same
        // moment park on it briefly. Seen in TickPageJsonContractTest while four uploads and
        // the server's reads overlapped.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
