package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line of Linux's {@code /proc/PID/stat} (or a thread's {@code /proc/PID/task/TID/stat}): the
 * fields the load generator reads, CPU in Linux's 100 ticks a second.
 *
 * @param cutime user CPU the process collected of its children that ended
 * @param cstime system CPU the process collected of its children that ended
 */
record ProcStat(long ppid, long utime, long stime, long cutime, long cstime) {

    /** The process's own CPU ticks, user and system. */
    long ticks() {
        return utime + stime;
    }

    static ProcStat of(long pid) {
        return read(Path.of("/proc/" + pid + "/stat"));
    }

    /** Null once the process or thread has gone, or where there is no such file. */
    static ProcStat read(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new ProcStat(Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14]));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
