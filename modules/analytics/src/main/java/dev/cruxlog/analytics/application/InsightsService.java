package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.cruxlog.analytics.Overviews;
import dev.cruxlog.analytics.domain.PlaceTree;
import dev.cruxlog.analytics.domain.RestDays;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.Season;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.Zip;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Progression, the calendar, places and climbing characteristics, from the logbook's aggregates. */
@Service
public class InsightsService implements Overviews {

    private final AnalyticsFigures figures;
    private final Grades grades;
    private final ClimberPreferences preferences;
    private final RouteCharacters characters;

    public InsightsService(AnalyticsFigures figures, Grades grades, ClimberPreferences preferences,
                           RouteCharacters characters) {
        this.figures = figures;
        this.grades = grades;
        this.preferences = preferences;
        this.characters = characters;
    }

    /** How the climber reads grades on pages: their systems applied to grades as logged. */
    public Mono<ShownGrades> shownGrades(UUID owner) {
        return preferences.of(owner).map(preferred -> new ShownGrades(grades, preferred.gradeSystems()));
    }

    /** The overview's figures, sends counted as the climber counts them. */
    public Mono<LogbookStatistics.Overview> overview(UUID owner, LocalDate from, LocalDate to) {
        return preferences.counting(owner).flatMap(counting -> overview(owner, counting, from, to));
    }

    @Override
    public Mono<LogbookStatistics.Overview> overview(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return figures.overview(owner, counting, from, to);
    }

    /**
     * @param gradeDistribution sends per year, discipline and grade (named in the climber's system)
     */
    public record Progression(List<LogbookStatistics.MonthSend> hardestByMonth, List<LogbookStatistics.MonthVolume> volume,
                              List<YearGrade> gradeDistribution) {
    }

    public record YearGrade(int year, String discipline, String grade, int level, long sends) {
    }

    public record Calendar(List<LogbookStatistics.Day> days, List<SeasonCount> seasons) {
    }

    public record SeasonCount(String season, long days, long ticks, long pitches) {
    }

    /**
     * @param cruxMix per discipline, the crux angles and energies of the routes sent, as the
     *                climber described them in the pyramid
     */
    public record Characteristics(List<LogbookStatistics.StyleCount> styles, List<RateAtLevel> sendRateByLevel,
                                  Map<String, Double> flashOrOnsightRate, Map<String, Map<Integer, Integer>> attemptsToSend,
                                  RestDays.Summary restDays, List<CruxMix> cruxMix) {
    }

    /** @param grade the level named in the climber's grade system */
    public record RateAtLevel(String discipline, int level, String grade, long ticks, long sends, double rate) {
    }

    /**
     * @param routesSent routes sent in the period
     * @param routesDescribed of those, the ones given a crux angle or energy
     */
    public record CruxMix(String discipline, int routesSent, int routesDescribed, Map<String, Integer> angles,
                          Map<String, Integer> energies) {
    }

    public Mono<Progression> progression(UUID owner, LocalDate from, LocalDate to) {
        return preferences.of(owner).flatMap(preferred -> Zip.of(
                figures.hardestSendsByMonth(owner, preferred.counting(), from, to).collectList(),
                figures.volumeByMonth(owner, preferred.counting(), from, to).collectList(),
                figures.gradeDistribution(owner, preferred.counting(), from, to).collectList()
                        .map(years -> gradeDistribution(years, preferred.gradeSystems())),
                Progression::new));
    }

    public Mono<Calendar> calendar(UUID owner, LocalDate from, LocalDate to) {
        return preferences.counting(owner).flatMap(counting -> figures.days(owner, counting, from, to).collectList())
                .map(days -> {
            Map<String, long[]> seasons = new LinkedHashMap<>();
            for (LogbookStatistics.Day day : days) {
                long[] counts = seasons.computeIfAbsent(Season.of(day.date()), k -> new long[3]);
                counts[0]++;
                counts[1] += day.ticks();
                counts[2] += day.pitches();
            }
            return new Calendar(days, seasons.entrySet().stream()
                    .map(e -> new SeasonCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
        });
    }

    public Mono<List<PlaceTree.Node>> places(UUID owner, LocalDate from, LocalDate to) {
        return preferences.counting(owner).flatMapMany(counting -> figures.places(owner, counting, from, to))
                .map(p -> new PlaceTree.Leaf(p.path(), p.ticks(), p.pitches(), p.sends(), p.hardestGrade(), p.hardestIndex(),
                        p.lastVisit()))
                .collectList()
                .map(PlaceTree::build);
    }

    public Mono<Characteristics> characteristics(UUID owner, LocalDate from, LocalDate to) {
        return preferences.of(owner).flatMap(preferred -> characteristics(owner, preferred, from, to));
    }

    private Mono<Characteristics> characteristics(UUID owner, ClimberPreferences.Preferences preferred, LocalDate from,
                                                  LocalDate to) {
        SendCounting counting = preferred.counting();
        Mono<Map<String, List<LogbookStatistics.RouteSend>>> firstSends = Flux.just(Discipline.SPORT.id(), Discipline.TRAD.id(), Discipline.BOULDER.id())
                .concatMap(discipline -> figures.firstSends(owner, discipline, counting, from, to)
                        .collectList()
                        .map(sends -> Map.entry(discipline, sends)))
                .filter(entry -> !entry.getValue().isEmpty())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        return Zip.of(figures.styles(owner, counting, from, to).collectList(),
                figures.sendRates(owner, counting, from, to).collectList(),
                firstSends, figures.days(owner, counting, from, to).map(LogbookStatistics.Day::date).collectList(),
                characters.all(owner),
                (styles, rates, sendsByDiscipline, climbingDays, routeCharacters) -> new Characteristics(styles,
                        ratesByLevel(rates, preferred.gradeSystems()), flashOrOnsight(styles, counting),
                        attemptsToSend(sendsByDiscipline), RestDays.of(climbingDays), cruxMix(sendsByDiscipline, routeCharacters)));
    }

    /** Sends per year, discipline and level of the climber's system: grades on one level add up. */
    private List<YearGrade> gradeDistribution(List<LogbookStatistics.YearLevel> years, Map<String, String> preferred) {
        Map<String, YearGrade> byLevel = new LinkedHashMap<>();
        for (LogbookStatistics.YearLevel year : years) {
            GradeSystem system = preferredSystem(preferred, year.discipline());
            int level = grades.level(year.gradeIndex(), system);
            byLevel.merge(year.year() + "|" + year.discipline() + "|" + level,
                    new YearGrade(year.year(), year.discipline(), grades.levelName(level, system), level, year.sends()),
                    (a, b) -> new YearGrade(a.year(), a.discipline(), a.grade(), a.level(), a.sends() + b.sends()));
        }
        return byLevel.values().stream().sorted(java.util.Comparator.comparingInt(YearGrade::year)
                .thenComparing(YearGrade::discipline).thenComparingInt(YearGrade::level)).toList();
    }

    /** Ticks and sends per discipline and level of the climber's system. */
    private List<RateAtLevel> ratesByLevel(List<LogbookStatistics.LevelRate> rates, Map<String, String> preferred) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, RateAtLevel> named = new LinkedHashMap<>();
        for (LogbookStatistics.LevelRate rate : rates) {
            GradeSystem system = preferredSystem(preferred, rate.discipline());
            int level = grades.level(rate.gradeIndex(), system);
            String key = rate.discipline() + "|" + level;
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0] += rate.ticks();
            c[1] += rate.sends();
            named.putIfAbsent(key, new RateAtLevel(rate.discipline(), level, grades.levelName(level, system), 0, 0, 0));
        }
        return named.entrySet().stream().map(entry -> {
            long[] c = counts.get(entry.getKey());
            RateAtLevel r = entry.getValue();
            return new RateAtLevel(r.discipline(), r.level(), r.grade(), c[0], c[1], c[0] == 0 ? 0 : (double) c[1] / c[0]);
        }).sorted(java.util.Comparator.comparing(RateAtLevel::discipline).thenComparingInt(RateAtLevel::level)).toList();
    }

    /** Routes per number of tries their first send took (10 or more in one bucket), per discipline. */
    static Map<String, Map<Integer, Integer>> attemptsToSend(Map<String, List<LogbookStatistics.RouteSend>> firstSends) {
        Map<String, Map<Integer, Integer>> histograms = new LinkedHashMap<>();
        firstSends.forEach((discipline, sends) -> {
            Map<Integer, Integer> histogram = new TreeMap<>();
            sends.forEach(s -> histogram.merge(Math.min(s.attempts(), 10), 1, Integer::sum));
            histograms.put(discipline, histogram);
        });
        return histograms;
    }

    /** The angle and energy mix of the routes sent, from what the climber wrote in the pyramid. */
    static List<CruxMix> cruxMix(Map<String, List<LogbookStatistics.RouteSend>> firstSends,
                                 Map<String, RouteCharacters.Character> described) {
        return firstSends.entrySet().stream().map(entry -> {
            Map<String, Integer> angles = new TreeMap<>();
            Map<String, Integer> energies = new TreeMap<>();
            int describedRoutes = 0;
            for (LogbookStatistics.RouteSend send : entry.getValue()) {
                RouteCharacters.Character character = described.get(send.routeKey());
                if (character == null || (character.cruxAngle() == null && character.cruxEnergy() == null)) {
                    continue;
                }
                describedRoutes++;
                if (character.cruxAngle() != null) {
                    angles.merge(character.cruxAngle(), 1, Integer::sum);
                }
                if (character.cruxEnergy() != null) {
                    energies.merge(character.cruxEnergy(), 1, Integer::sum);
                }
            }
            return new CruxMix(entry.getKey(), entry.getValue().size(), describedRoutes, angles, energies);
        }).toList();
    }

    /** The climber's system for a discipline's family: boulders in V or Font, everything else in a route system. */
    static GradeSystem preferredSystem(Map<String, String> preferred, String discipline) {
        boolean boulder = discipline.equals(Discipline.BOULDER.id());
        return GradeSystem.byId(preferred.get(boulder ? "boulder" : "route"))
                .filter(system -> system.family() == (boulder ? dev.cruxlog.grades.GradeFamily.BOULDER
                        : dev.cruxlog.grades.GradeFamily.ROUTE))
                .orElse(boulder ? GradeSystem.V : GradeSystem.YDS);
    }

    /**
     * Of the sends in each discipline (as the climber counts them), the share that went first
     * try (onsight or flash). A top rope counted as a send is a send that did not go first try
     * on lead; left uncounted it is in neither number.
     */
    static Map<String, Double> flashOrOnsight(List<LogbookStatistics.StyleCount> styles, SendCounting counting) {
        Map<String, long[]> counts = new TreeMap<>();
        for (LogbookStatistics.StyleCount style : styles) {
            if (!counting.countsAsSend(style.style())) {
                continue;
            }
            long[] c = counts.computeIfAbsent(style.discipline(), k -> new long[2]);
            c[1] += style.ticks();
            if (AscentStyle.fromId(style.style()).isFirstTry()) {
                c[0] += style.ticks();
            }
        }
        Map<String, Double> rates = new TreeMap<>();
        counts.forEach((discipline, c) -> rates.put(discipline, c[1] == 0 ? 0 : (double) c[0] / c[1]));
        return rates;
    }
}
