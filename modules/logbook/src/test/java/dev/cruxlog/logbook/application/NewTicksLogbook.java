package dev.cruxlog.logbook.application;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.logbook.LogbookChangeListener;
import dev.cruxlog.logbook.domain.FigureTicks;
import dev.cruxlog.logbook.domain.NewTick;
import dev.cruxlog.platform.jobs.JobPayloads;
import dev.cruxlog.platform.testing.NoTransaction;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import job's tests' logbook: it holds none of the file's ticks (unless a test's hashes say
 * otherwise), so every row is a new tick; each test watches the encoding of a chunk or the COPY.
 * Any other call fails the test: an import of new ticks updates and reads nothing else.
 */
final class NewTicksLogbook {

    private NewTicksLogbook() {
    }

    /**
     * @param hashes what each read of the source's content hashes answers
     * @param encode each chunk's new ticks, encoded
     * @param insert the COPY of every chunk: how many ticks it wrote
     */
    @SuppressWarnings("unchecked")
    static Ticks of(Supplier<Map<String, String>> hashes, Function<List<NewTick>, EncodedTicks> encode,
                    ToLongFunction<List<EncodedTicks>> insert) {
        return (Ticks) Proxy.newProxyInstance(Ticks.class.getClassLoader(), new Class<?>[] {Ticks.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "contentHashes" -> Mono.fromCallable(hashes::get);
                    case "deletedSourceKeys" -> Mono.just(Set.of());
                    case "encode" -> encode.apply((List<NewTick>) args[2]);
                    case "figureTicks" -> Mono.just(new FigureTicks(LocalDate.of(2026, 12, 4), List.of()));
                    case "routeKeys" -> Mono.fromCallable(() -> ((List<?>) args[0]).stream().map(route -> "key:" + route).toList());
                    case "insertAll" -> Mono.fromCallable(() -> insert.applyAsLong((List<EncodedTicks>) args[0]));
                    case "updateAll", "linkCrossSourceDuplicates" -> Mono.just(0L);
                    default -> throw new AssertionError("an import of new ticks called " + method.getName());
                });
    }

    /** A chunk's new ticks as the COPY would count them, without their text. */
    static EncodedTicks counted(List<NewTick> chunk) {
        return new EncodedTicks(chunk.size(), new byte[0]);
    }

    /** The ticks a COPY of these chunks writes. */
    static long total(List<EncodedTicks> chunks) {
        return chunks.stream().mapToLong(EncodedTicks::count).sum();
    }

    /** The import job of CSV files over these ports, on 2026-12-04. */
    static ImportJob importJob(Imports imports, Ticks logbook, CsvSourceFiles csv) {
        return importJob(imports, logbook, csv, new NoTransaction());
    }

    /** As {@link #importJob(Imports, Ticks, CsvSourceFiles)}, counting its transactions. */
    static ImportJob importJob(Imports imports, Ticks logbook, CsvSourceFiles csv, NoTransaction transactions) {
        return new ImportJob(imports, logbook, csv, null, null, null, null, new GradeCatalog(),
                new JobPayloads(JsonMapper.builder().build()), transactions,
                new LogbookChanges(new StaticListableBeanFactory().getBeanProvider(LogbookChangeListener.class)),
                Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC));
    }
}
