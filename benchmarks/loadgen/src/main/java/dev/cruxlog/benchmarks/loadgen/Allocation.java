package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code alloc JFR_BEFORE JFR_AFTER}: the bytes a JVM allocated on the heap between two
 * {@code jcmd <pid> JFR.dump}s of one recording that has {@code jdk.ThreadAllocationStatistics}
 * enabled ({@code benchmarks/alloc.jfc}: every 100 ms).
 *
 * <p>That event carries, per live Java thread, the bytes it allocated since it started. In each
 * file the last value per thread id is taken; the result is the sum over threads of
 * (after - before), where a thread missing from the before file (started later) counts from
 * zero, and a thread missing from the after file (its samples aged out of the recording) counts
 * zero. A thread that died between the dumps contributes what it had allocated at its last
 * sample, so at most one period (100 ms) of its allocation is missed; likewise each dump's last
 * sample can be up to one period old, so the window measured is off by at most a period at
 * each end (both ends lie in the quiet seconds around a run, where little is allocated).
 * Virtual threads are not sampled, but what they allocate is counted on their carrier threads.
 * Prints JSON: allocatedBytes, the threads seen, and the two sample times.
 */
final class Allocation {

    private record Last(Instant at, long allocated) {
    }

    static void run(Path before, Path after) throws IOException {
        Map<Long, Last> first = lastPerThread(before);
        Map<Long, Last> second = lastPerThread(after);
        long allocated = 0;
        int started = 0;
        int gone = 0;
        for (Map.Entry<Long, Last> thread : second.entrySet()) {
            Last earlier = first.get(thread.getKey());
            if (earlier == null) {
                started++;
            }
            allocated += thread.getValue().allocated() - (earlier == null ? 0 : earlier.allocated());
        }
        for (Long id : first.keySet()) {
            if (!second.containsKey(id)) {
                gone++;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("allocatedBytes", allocated);
        result.put("threadsBefore", first.size());
        result.put("threadsAfter", second.size());
        result.put("threadsStarted", started);
        result.put("threadsAgedOut", gone);
        result.put("sampledBefore", latest(first));
        result.put("sampledAfter", latest(second));
        System.out.println(LoadGenerator.json(result));
    }

    private static Map<Long, Last> lastPerThread(Path file) throws IOException {
        Map<Long, Last> last = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ThreadAllocationStatistics")) {
                    continue;
                }
                RecordedThread thread = event.getValue("thread");
                if (thread == null) {
                    continue;
                }
                long id = thread.getJavaThreadId() > 0 ? thread.getJavaThreadId() : -thread.getId();
                Last seen = last.get(id);
                if (seen == null || !event.getStartTime().isBefore(seen.at())) {
                    last.put(id, new Last(event.getStartTime(), event.getLong("allocated")));
                }
            }
        }
        return last;
    }

    private static String latest(Map<Long, Last> threads) {
        return threads.values().stream().map(Last::at).max(Instant::compareTo).map(Instant::toString).orElse("none");
    }
}
