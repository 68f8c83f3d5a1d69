package dev.cruxlog.platform.web;

/**
 * One Reactor Netty event loop thread per core in each loop group, unless the operator chose
 * a number ({@code -Dreactor.netty.ioWorkerCount=N}).
 *
 * <p>Why: Reactor Netty gives each loop group {@code max(cores, 4)} threads, and Cruxlog runs
 * three (the HTTP server with its clients, the coach's model client, the PostgreSQL driver).
 * On the benchmark's one core that was twelve threads taking turns: a streamed coach token
 * crossed two of them, each wake-up a context switch, and relaying a token cost about 120 µs
 * against 65 µs with one loop per group; the ticks page served 1,150–1,180 requests/s at 8
 * connections against 700–950 (docs/benchmarks.md, "Event loops"). An event loop never blocks
 * (BlockHound proves it in the tests), so more loops than cores only add switching.
 *
 * <p>It is a system property read once when Reactor Netty's classes load, so it is set in
 * {@code main} before anything else runs; tests keep the library's default.
 */
public final class EventLoops {

    /** Reactor Netty's own name for the setting. */
    public static final String WORKER_COUNT = "reactor.netty.ioWorkerCount";

    private EventLoops() {
    }

    public static void onePerCore() {
        if (System.getProperty(WORKER_COUNT) == null) {
            System.setProperty(WORKER_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
