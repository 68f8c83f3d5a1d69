package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a step, beside the server's own: the whole machine's busy
 * cores, PostgreSQL's (the postmaster and every backend, ended ones included) and this load
 * generator's. A server that cannot hold a rate while using half its core is not what binds:
 * these say what does (docs/benchmarks.md, "What binds S2 and S2N").
 *
 * <p>From Linux's /proc, in its 100 ticks a second; on another system every figure is null.
 */
record MachineCpu(long nanos, long busyTicks, long idleTicks, long postgresTicks, long ownTicks) {

    /** The postmaster's pid file of Debian's PostgreSQL service; {@code POSTMASTER_PID} names another. */
    private static final Path DEBIAN_PID_FILES = Path.of("/var/run/postgresql");

    static MachineCpu now() {
        long[] cpu = machine();
        return new MachineCpu(System.nanoTime(), cpu[0], cpu[1], postgres(), own());
    }

    /** Adds the cores each used between {@code before} and this snapshot, over the wall-clock window. */
    void addSince(MachineCpu before, Map<String, Object> result) {
        double seconds = (nanos - before.nanos) / 1e9;
        result.put("windowSeconds", seconds);
        if (busyTicks < 0 || before.busyTicks < 0) {
            return;
        }
        result.put("machineBusyCores", (busyTicks - before.busyTicks) / 100.0 / seconds);
        result.put("machineIdleCores", (idleTicks - before.idleTicks) / 100.0 / seconds);
        result.put("postgresCores", postgresTicks < 0 || before.postgresTicks < 0 ? null
                : (postgresTicks - before.postgresTicks) / 100.0 / seconds);
        result.put("loadgenCores", (ownTicks - before.ownTicks) / 100.0 / seconds);
    }

    /** Busy (user, nice, system, irq, softirq, steal) and idle (idle, iowait) ticks of every core. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return new long[] {busy, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** The postmaster's own ticks and its ended children's, plus every running child's. */
    private static long postgres() {
        long postmaster = postmasterPid();
        if (postmaster <= 0) {
            return -1;
        }
        long[] own = stat(postmaster);
        if (own == null) {
            return -1;
        }
        long sum = own[1] + own[2] + own[3] + own[4];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] child = stat(Long.parseLong(name));
                if (child != null && child[0] == postmaster) {
                    sum += child[1] + child[2];
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    private static long postmasterPid() {
        String given = System.getenv("POSTMASTER_PID");
        if (given != null && !given.isBlank()) {
            return Long.parseLong(given.trim());
        }
        try (Stream<Path> files = Files.list(DEBIAN_PID_FILES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty()) {
                    return Long.parseLong(lines.get(0).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long own() {
        long[] self = stat(ProcessHandle.current().pid());
        return self == null ? -1 : self[1] + self[2];
    }

    /** ppid, utime, stime, cutime, cstime of a process; null once it has gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
