package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.analytics.domain.Pyramid;
import dev.cruxlog.analytics.domain.PyramidBuilder;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.InvalidInput;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Use case: a climber's pyramid for one discipline and window. */
@Service
public class PyramidService implements Pyramids {

    static final java.util.Set<String> ANGLES = java.util.Set.of("slab", "vertical", "overhang", "roof");
    static final java.util.Set<String> ENERGIES = java.util.Set.of("power", "power-endurance", "endurance", "technical");

    private final AnalyticsFigures figures;
    private final ClimberPreferences preferences;
    private final Grades grades;
    private final RouteCharacters characters;
    private final PyramidMemo memo;
    private final PyramidSources sources;

    public PyramidService(AnalyticsFigures figures, ClimberPreferences preferences, Grades grades,
                          RouteCharacters characters, PyramidMemo memo, PyramidSources sources) {
        this.figures = figures;
        this.sources = sources;
        this.preferences = preferences;
        this.grades = grades;
        this.characters = characters;
        this.memo = memo;
    }

    /** Sets a route's crux angle and/or energy; a null leaves that one as it was. */
    public Mono<RouteCharacters.Character> describe(UUID owner, String routeKey, String cruxAngle, String cruxEnergy) {
        if (routeKey == null || routeKey.isBlank()) {
            return Mono.error(new InvalidInput("routeKey", "name the route, as the pyramid gives it."));
        }
        if (routeKey.length() > RouteCharacters.MAX_KEY_LENGTH) {
            return Mono.error(new InvalidInput("routeKey", "at most "
                    + String.format(Locale.ROOT, "%,d", RouteCharacters.MAX_KEY_LENGTH)
                    + " characters; give the key the pyramid gives the route."));
        }
        if (cruxAngle != null && !ANGLES.contains(cruxAngle)) {
            return Mono.error(new InvalidInput("cruxAngle", "one of slab, vertical, overhang, roof."));
        }
        if (cruxEnergy != null && !ENERGIES.contains(cruxEnergy)) {
            return Mono.error(new InvalidInput("cruxEnergy", "one of power, power-endurance, endurance, technical."));
        }
        return characters.save(owner, routeKey, cruxAngle, cruxEnergy)
                .switchIfEmpty(Mono.error(() -> new InvalidInput("routeKey", "you have described "
                        + String.format(Locale.ROOT, "%,d", RouteCharacters.MAX_ROUTES)
                        + " routes, the most Cruxlog keeps; change one of those instead.")));
    }

    /**
     * @param includeFollows count the discipline's clean top ropes and follows as sends in this
     *                       pyramid, whatever the climber's setting (with the setting on they are
     *                       counted anyway). A top-rope route's pyramid always counts them: they
     *                       are its only ascents.
     */
    @Override
    public Mono<PyramidView> pyramid(UUID owner, String discipline, LocalDate from, LocalDate to, int levels,
                                     boolean includeFollows) {
        return keyedPyramid(owner, discipline, from, to, levels, includeFollows).map(KeyedPyramid::view);
    }

    /**
     * The pyramid with the key it is held under in the {@link PyramidMemo} when it was built
     * from the read model's stored sends: equal keys, equal pyramids, so what is derived from
     * one (its JSON) can be kept under its key too. Pyramids computed from the ticks have none.
     */
    public Mono<KeyedPyramid> keyedPyramid(UUID owner, String discipline, LocalDate from, LocalDate to, int levels,
                                           boolean includeFollows) {
        return preferences.of(owner).flatMap(preferred -> {
            Wanted wanted = wanted(preferred, discipline, levels, includeFollows);
            if (from == null && to == null) {
                return wholeLogbook(owner, List.of(wanted)).map(pyramids -> pyramids.get(0));
            }
            return Mono.zip(figures.firstSends(owner, wanted.discipline(), wanted.counting(), from, to).collectList(),
                            characters.all(owner), (sends, character) -> new Inputs(sends, OptionalLong.empty(), character))
                    .map(in -> keyed(owner, wanted, from, to, in));
        });
    }

    @Override
    public Mono<List<PyramidView>> wholeLogbook(UUID owner, List<String> disciplines, int levels) {
        return preferences.of(owner).flatMap(preferred -> wholeLogbook(owner, preferred, disciplines, levels));
    }

    @Override
    public Mono<List<PyramidView>> wholeLogbook(UUID owner, ClimberSettings settings, List<String> disciplines, int levels) {
        return wholeLogbook(owner, ClimberPreferences.of(settings), disciplines, levels);
    }

    private Mono<List<PyramidView>> wholeLogbook(UUID owner, ClimberPreferences.Preferences preferred, List<String> disciplines,
                                                 int levels) {
        return wholeLogbook(owner, disciplines.stream().map(discipline -> wanted(preferred, discipline, levels, false)).toList())
                .map(pyramids -> pyramids.stream().map(KeyedPyramid::view).toList());
    }

    /** One pyramid asked for, with what the climber's settings make of it. */
    private record Wanted(String discipline, GradeSystem system, SendCounting counting, int levels) {
    }

    private static Wanted wanted(ClimberPreferences.Preferences preferred, String discipline, int levels,
                                 boolean includeFollows) {
        String wanted = discipline.toLowerCase(Locale.ROOT);
        SendCounting counting = includeFollows || wanted.equals("tr") ? SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS
                : preferred.counting();
        return new Wanted(wanted, InsightsService.preferredSystem(preferred.gradeSystems(), wanted), counting,
                Math.max(1, Math.min(levels, 12)));
    }

    /** Whole-logbook pyramids from the read model's stored sends, all read in one round trip. */
    private Mono<List<KeyedPyramid>> wholeLogbook(UUID owner, List<Wanted> wanted) {
        return sources.ofWholeLogbook(owner, wanted.stream()
                        .map(one -> new PyramidSources.Wanted(one.counting(), one.discipline())).toList())
                .flatMapMany(found -> Flux.range(0, wanted.size()).concatMap(i -> {
                    Wanted one = wanted.get(i);
                    PyramidSources.Sources sources = found.get(i);
                    Mono<Inputs> inputs = sources.firstSends()
                            .map(stored -> Mono.just(new Inputs(stored.value(), OptionalLong.of(stored.revision()),
                                    sources.characters())))
                            .orElseGet(() -> figures.firstSendsFromTicks(owner, one.discipline(), one.counting()).collectList()
                                    .map(sends -> new Inputs(sends, OptionalLong.empty(), sources.characters())));
                    return inputs.map(in -> keyed(owner, one, null, null, in));
                }))
                .collectList();
    }

    /** The pyramid built from its inputs, or the one held under the same key when the sends were stored. */
    private KeyedPyramid keyed(UUID owner, Wanted wanted, LocalDate from, LocalDate to, Inputs in) {
        Supplier<PyramidView> build = () -> view(wanted.discipline(), wanted.system(), from, to,
                PyramidBuilder.build(levelled(in.sends(), wanted.system()), wanted.levels()), in.characters());
        if (in.storedRevision().isEmpty()) {
            return new KeyedPyramid(build.get(), Optional.empty());
        }
        PyramidMemo.Key key = new PyramidMemo.Key(owner, wanted.counting(), wanted.discipline(),
                in.storedRevision().getAsLong(), wanted.system().id(), wanted.levels(), from, to, in.characters());
        return new KeyedPyramid(memo.get(key, build), Optional.of(key));
    }

    /** @param storedRevision the read model's revision of the sends; empty when they were computed from the ticks */
    private record Inputs(List<LogbookStatistics.RouteSend> sends, OptionalLong storedRevision,
                          Map<String, RouteCharacters.Character> characters) {
    }

    /** @param key where the pyramid is held; empty when it was computed from the ticks and is not */
    public record KeyedPyramid(PyramidView view, Optional<PyramidMemo.Key> key) {
    }

    /** The pyramid encoded by {@code encode}, once per held pyramid ({@link PyramidMemo#encoded}). */
    public byte[] encoded(KeyedPyramid pyramid, Function<PyramidView, byte[]> encode) {
        return pyramid.key().map(key -> memo.encoded(key, pyramid.view(), encode)).orElseGet(() -> encode.apply(pyramid.view()));
    }

    private List<PyramidBuilder.Send> levelled(List<LogbookStatistics.RouteSend> sends, GradeSystem system) {
        // One level per grade of the climber's system (French 6b, 6b+, ...), not per YDS letter
        // renamed: two YDS letters on one French grade merge.
        return sends.stream()
                .map(send -> new PyramidBuilder.Send(grades.level(send.gradeIndex(), system),
                        new Pyramid.Route(send.routeKey(), send.route(), send.location(), send.firstSent(),
                                send.grade(), send.attempts(), send.days(), send.style())))
                .toList();
    }

    private PyramidView view(String discipline, GradeSystem system, LocalDate from, LocalDate to, Pyramid pyramid,
                             Map<String, RouteCharacters.Character> character) {
        List<PyramidView.Level> levels = pyramid.levels().stream()
                .map(level -> new PyramidView.Level(grades.levelName(level.level(), system),
                        grades.levelIndex(level.level(), system),
                        level.level(), level.sends(), level.idealSends(), level.routes().stream()
                        .map(r -> {
                            RouteCharacters.Character c = character.get(r.routeKey());
                            return new PyramidView.Route(r.routeKey(), r.route(), r.location(), r.firstSent(), r.grade(),
                                    r.attempts(), r.days(), r.style(), c == null ? null : c.cruxAngle(),
                                    c == null ? null : c.cruxEnergy());
                        })
                        .toList()))
                .toList();
        PyramidView.NextGrade next = null;
        if (!pyramid.isEmpty()) {
            int target = pyramid.levels().get(0).level() + 1;
            String targetName = grades.levelName(target, system);
            List<PyramidView.Need> needs = pyramid.advice().stream()
                    .map(d -> new PyramidView.Need(grades.levelName(d.level(), system), d.missing())).toList();
            String summary = needs.isEmpty() ? "Your pyramid already supports " + targetName + "."
                    : "For " + targetName + ": " + needs.stream()
                            .map(n -> n.more() + " more " + n.grade() + " send" + (n.more() == 1 ? "" : "s"))
                            .collect(Collectors.joining(", ")) + ".";
            next = new PyramidView.NextGrade(targetName, needs, summary);
        }
        return new PyramidView(discipline, system.id(), from, to, levels, next);
    }
}
