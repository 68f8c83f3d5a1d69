import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.domain.FigureTick;
import dev.cruxlog.logbook.domain.WholeLogbookFold;

/**
 * The read model's fold alone (issue #17, S5): every figure of one climber's whole logbook under
 * both ways of counting, folded ROUNDS times from ticks read once from a file (fold-bench.sh
 * writes it from the bench database), printing the CPU time and bytes allocated of each of the
 * last ten folds. Builds with WholeLogbookFolds fold both countings in one pass; older ones
 * (before it existed) get one WholeLogbookFold per counting, as their adapter did.
 *   java -cp <logbook jar> FoldBench.java <ticks.tsv> <rounds>
 */
public class FoldBench {

    public static void main(String[] args) throws Exception {
        List<FigureTick> ticks = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t", -1);
            List<String> path = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split("\u001f", -1));
            ticks.add(new FigureTick(UUID.fromString(f[0]), f[2], f[1], f[3].isEmpty() ? null : f[3], path,
                    LocalDate.ofEpochDay(Integer.parseInt(f[5])), f[6], f[7], f[8].isEmpty() ? null : Integer.valueOf(f[8]),
                    f[9].isEmpty() ? null : Integer.valueOf(f[9]), f[10], f[11].equals("t"), Integer.parseInt(f[12]),
                    f[13].isEmpty() ? null : Integer.valueOf(f[13])));
        }
        Class<?> onePass = null;
        try {
            onePass = Class.forName("dev.cruxlog.logbook.domain.WholeLogbookFolds");
        } catch (ClassNotFoundException olderBuild) {
            // folded per counting below
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        LocalDate today = LocalDate.of(2026, 12, 4);
        int rounds = Integer.parseInt(args[1]);
        long sink = 0;
        System.out.printf("%d ticks, %s%n", ticks.size(), onePass != null ? "WholeLogbookFolds (one pass)" : "a WholeLogbookFold per counting");
        for (int round = 0; round < rounds; round++) {
            long bytes0 = threads.getThreadAllocatedBytes(thread);
            long cpu0 = threads.getCurrentThreadCpuTime();
            Object result;
            if (onePass != null) {
                Object folds = onePass.getConstructor(LocalDate.class).newInstance(today);
                Method add = onePass.getMethod("add", FigureTick.class);
                for (FigureTick tick : ticks) {
                    add.invoke(folds, tick);
                }
                result = onePass.getMethod("result").invoke(folds);
            } else {
                Map<SendCounting, WholeLogbookFold> folds = new EnumMap<>(SendCounting.class);
                for (SendCounting counting : SendCounting.values()) {
                    folds.put(counting, new WholeLogbookFold(counting, today));
                }
                for (FigureTick tick : ticks) {
                    folds.values().forEach(fold -> fold.add(tick));
                }
                Map<SendCounting, Object> figures = new EnumMap<>(SendCounting.class);
                folds.forEach((counting, fold) -> figures.put(counting, fold.result()));
                result = figures;
            }
            long cpu1 = threads.getCurrentThreadCpuTime();
            long bytes1 = threads.getThreadAllocatedBytes(thread);
            sink += result.toString().length();
            if (round >= rounds - 10) {
                System.out.printf("fold %d: %.1f ms CPU, %.1f MB allocated%n", round, (cpu1 - cpu0) / 1e6, (bytes1 - bytes0) / 1e6);
            }
        }
        System.out.println("(figures' text, summed: " + sink + ")");
    }
}
