package dev.cruxlog.platform.web;

/**
 * One Reactor Netty event loop thread per core in each loop group, unless the operator chose
 * a number ({@code -Dreactor.netty.ioWorkerCount=N}).
 *
 * <p>Why: Reactor Netty gives each loop group {@code max(cores, 4)} threads, and Cruxlog runs
 * three (the HTTP server with its clients, the coach's model client, the PostgreSQL driver).
 * On the benchmark's one core that was twelve threads taking turns: a streamed coach token
 * crossed two of them, each wake-up a context switch. With one loop per group, in alternating
 * runs, relaying a token cost 87–94 µs against 114–166 µs and the ticks page served 1,139–1,314
 * requests/s at 8 connections against 697–1,129 (ADR 0018; docs/benchmarks.md, row 23 and
 * "Sixth session"). An event loop never blocks (BlockHound proves it in the tests), so more
 * loops than cores only add switching.
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
