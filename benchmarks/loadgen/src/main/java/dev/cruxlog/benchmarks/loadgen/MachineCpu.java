package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a step, beside the server's own: the whole machine's busy
 * and idle cores and each core's busy share, PostgreSQL's cores (the postmaster and every
 * backend, ended ones included) and this load generator's. A server that fails a rate while
 * using part of its core shares the machine with what binds it; these say what that was
 * (docs/benchmarks.md, "Eighteenth session").
 *
 * <p>From Linux's /proc, in its 100 ticks a second; where /proc cannot be read, only the
 * window's length is reported.
 */
record MachineCpu(long nanos, long busyTicks, long idleTicks, long[] coreBusyTicks, long postgresTicks, long ownTicks) {

    /** The postmaster's pid file of Debian's PostgreSQL service; {@code POSTMASTER_PID} names another. */
    private static final Path DEBIAN_PID_FILES = Path.of("/var/run/postgresql");

    static MachineCpu now() {
        // The clock read beside /proc/stat, the figures the window divides.
        long before = System.nanoTime();
        List<long[]> cpu = machine();
        long nanos = (before + System.nanoTime()) / 2;
        long[] total = cpu.isEmpty() ? new long[] {-1, -1} : cpu.get(0);
        long[] cores = cpu.stream().skip(1).mapToLong(core -> core[0]).toArray();
        return new MachineCpu(nanos, total[0], total[1], cores, postgres(), own());
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
        // Busy and idle together should be the number of cores: how far off they are is the
        // accounting's own error, to read the other figures by.
        result.put("machineAccountedCores", (busyTicks + idleTicks - before.busyTicks - before.idleTicks) / 100.0 / seconds);
        for (int core = 0; core < coreBusyTicks.length && core < before.coreBusyTicks.length; core++) {
            result.put("core" + core + "BusyCores", (coreBusyTicks[core] - before.coreBusyTicks[core]) / 100.0 / seconds);
        }
        result.put("postgresCores", postgresTicks < 0 || before.postgresTicks < 0 ? null
                : (postgresTicks - before.postgresTicks) / 100.0 / seconds);
        result.put("loadgenCores", (ownTicks - before.ownTicks) / 100.0 / seconds);
    }

    /**
     * Busy (user, nice, system, irq, softirq, steal) and idle (idle, iowait) ticks: the machine's
     * first, then each core's; empty where /proc/stat cannot be read.
     */
    private static List<long[]> machine() {
        List<long[]> ticks = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (!line.startsWith("cpu")) {
                    break;
                }
                String[] f = line.trim().split("\\s+");
                long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
                ticks.add(new long[] {busy, Long.parseLong(f[4]) + Long.parseLong(f[5])});
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The postmaster's own ticks and those of its ended children it collected, plus every running
     * child's. A backend that ends during the scan moves from the running ones to the collected
     * ones and could be missed by both: the scan is repeated until the collected ticks held still.
     */
    private static long postgres() {
        long postmaster = postmasterPid();
        if (postmaster <= 0) {
            return -1;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            ProcStat own = ProcStat.of(postmaster);
            if (own == null) {
                return -1;
            }
            long children = runningChildren(postmaster);
            ProcStat after = ProcStat.of(postmaster);
            if (children < 0 || after == null) {
                return -1;
            }
            if (after.cutime() + after.cstime() == own.cutime() + own.cstime()) {
                return after.ticks() + after.cutime() + after.cstime() + children;
            }
        }
        return -1;
    }

    private static long runningChildren(long postmaster) {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                ProcStat child = ProcStat.of(Long.parseLong(name));
                if (child != null && child.ppid() == postmaster) {
                    sum += child.ticks();
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
        ProcStat self = ProcStat.of(ProcessHandle.current().pid());
        return self == null ? -1 : self.ticks();
    }
}
