package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.analytics.domain.Pyramid;
import dev.cruxlog.analytics.domain.PyramidBuilder;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import org.springframework.stereotype.Service;
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

    public PyramidService(AnalyticsFigures figures, ClimberPreferences preferences, Grades grades,
                          RouteCharacters characters) {
        this.figures = figures;
        this.preferences = preferences;
        this.grades = grades;
        this.characters = characters;
    }

    /** Sets a route's crux angle and/or energy; a null leaves that one as it was. */
    public Mono<RouteCharacters.Character> describe(UUID owner, String routeKey, String cruxAngle, String cruxEnergy) {
        if (routeKey == null || routeKey.isBlank()) {
            return Mono.error(new IllegalArgumentException("routeKey: name the route, as the pyramid gives it."));
        }
        if (cruxAngle != null && !ANGLES.contains(cruxAngle)) {
            return Mono.error(new IllegalArgumentException("cruxAngle: one of slab, vertical, overhang, roof."));
        }
        if (cruxEnergy != null && !ENERGIES.contains(cruxEnergy)) {
            return Mono.error(new IllegalArgumentException("cruxEnergy: one of power, power-endurance, endurance, technical."));
        }
        return characters.save(owner, routeKey, cruxAngle, cruxEnergy);
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
        String wanted = discipline.toLowerCase(Locale.ROOT);
        return preferences.of(owner).flatMap(preferred -> {
            GradeSystem system = InsightsService.preferredSystem(preferred.gradeSystems(), wanted);
            SendCounting counting = includeFollows || wanted.equals("tr") ? SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS
                    : preferred.counting();
            return Mono.zip(figures.firstSends(owner, wanted, counting, from, to)
                            // One level per grade of the climber's system (French 6b, 6b+, ...), not
                            // per YDS letter renamed: two YDS letters on one French grade merge.
                            .map(send -> new PyramidBuilder.Send(grades.level(send.gradeIndex(), system),
                                    new Pyramid.Route(send.routeKey(), send.route(), send.location(), send.firstSent(),
                                            send.grade(), send.attempts(), send.days(), send.style())))
                            .collectList(), characters.all(owner))
                    .map(all -> view(wanted, system, from, to,
                            PyramidBuilder.build(all.getT1(), Math.max(1, Math.min(levels, 12))), all.getT2()));
        });
    }

    private PyramidView view(String discipline, GradeSystem system, LocalDate from, LocalDate to, Pyramid pyramid,
                             java.util.Map<String, RouteCharacters.Character> character) {
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
