package dev.cruxlog.analytics.adapter.in.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.analytics.application.InsightsService;
import dev.cruxlog.analytics.application.PyramidService;
import dev.cruxlog.analytics.domain.CalendarHeatmap;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.identity.LengthUnit;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.DifficultyCategory;
import dev.cruxlog.platform.Zip;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard (overview and pyramid) and the pyramid, progression, places and characteristics
 * pages. The pyramid is SVG drawn on the server ({@link PyramidPicture}); the other charts are
 * drawn by Chart.js from JSON in a data attribute. Every chart has a table beside it, so the
 * numbers are there for screen readers and without scripts.
 */
@Controller
class DashboardPagesController {

    private static final List<Integer> PYRAMID_LEVELS = List.of(3, 4, 5, 6, 8);
    /** How the dashboard names the difficulty categories, hardest first. */
    private static final Map<DifficultyCategory, String> CATEGORY_NAMES = new EnumMap<>(Map.of(
            DifficultyCategory.PROJECT, "Projects (at your limit)",
            DifficultyCategory.TIER_2, "One grade below",
            DifficultyCategory.TIER_3, "Two grades below",
            DifficultyCategory.TIER_4, "Three grades below",
            DifficultyCategory.BASE_VOLUME, "Base volume (mileage)"));
    /** How one recent hard send is described: against the hardest sent before it in its discipline. */
    private static final Map<DifficultyCategory, String> HARD_SEND_NAMES = new EnumMap<>(Map.of(
            DifficultyCategory.PROJECT, "at your limit",
            DifficultyCategory.TIER_2, "a grade below your best",
            DifficultyCategory.TIER_3, "two grades below your best",
            DifficultyCategory.TIER_4, "three grades below your best",
            DifficultyCategory.BASE_VOLUME, "mileage"));

    private final PyramidService pyramids;
    private final InsightsService insights;
    private final Accounts accounts;
    private final JsonMapper json;

    DashboardPagesController(PyramidService pyramids, InsightsService insights,
                             Accounts accounts, JsonMapper json) {
        this.pyramids = pyramids;
        this.insights = insights;
        this.accounts = accounts;
        this.json = json;
    }

    /**
     * Routes listed per pyramid level on the dashboard, each with its crux editor; the rest are
     * a link away on the pyramid page. With every route (the 10,000-tick benchmark climber's
     * sport pyramid lists about 400) the page was 945 KB; with ten per level, 108 KB.
     */
    static final int DASHBOARD_ROUTES_PER_LEVEL = 10;

    /**
     * Where signing in lands when nothing else was asked for (identity's sign-in page sends
     * climbers here): the dashboard, or the import page while the logbook is empty, since an
     * empty dashboard only says "import your logbook".
     */
    @GetMapping("/start")
    Mono<String> start(@AuthenticationPrincipal CurrentUser user) {
        return insights.overview(user.id(), null, null)
                .map(overview -> overview.ticks() == 0 ? "redirect:/logbook/import" : "redirect:/dashboard")
                .defaultIfEmpty("redirect:/logbook/import");
    }

    @GetMapping("/dashboard")
    Mono<String> dashboard(@AuthenticationPrincipal CurrentUser user,
                           @RequestParam(defaultValue = "sport") String discipline,
                           @ModelAttribute Period.Request requested, Model model) {
        String chosen = Pyramids.DISCIPLINES.contains(discipline) ? discipline : "sport";
        Period period = requested.resolve(LocalDate.now());
        Mono<LengthUnit> unit = accounts.settings(user.id()).map(settings -> settings.lengthUnit()).defaultIfEmpty(LengthUnit.FEET);
        return Zip.of(insights.overview(user.id(), period.from(), period.to()),
                pyramids.pyramid(user.id(), chosen, period.from(), period.to(), 4, false), unit,
                insights.shownGrades(user.id()),
                (overview, pyramid, lengthUnit, grades) -> {
                    model.addAttribute("title", "Dashboard · Cruxlog");
                    model.addAttribute("overview", overview);
                    model.addAttribute("grades", grades);
                    model.addAttribute("categoryNames", CATEGORY_NAMES);
                    model.addAttribute("hardSendNames", HARD_SEND_NAMES);
                    model.addAttribute("vertical", String.format(java.util.Locale.ROOT, "%,d %s",
                            lengthUnit.totalFromFeet(overview.totalLengthFeet()), lengthUnit.symbol()));
                    addPyramid(model, pyramid, period, "/dashboard?discipline=" + chosen + period.query());
                    model.addAttribute("dashboardRoutesPerLevel", DASHBOARD_ROUTES_PER_LEVEL);
                    model.addAttribute("allRoutesHref", "/pyramid?discipline=" + chosen + period.query() + "#pyramid-table");
                    return "analytics/dashboard";
                });
    }

    /**
     * The pyramid on a page of its own: every discipline, more levels, follows and top ropes
     * on request, and the crux editor for each route.
     */
    @GetMapping("/pyramid")
    Mono<String> pyramid(@AuthenticationPrincipal CurrentUser user,
                         @RequestParam(defaultValue = "sport") String discipline,
                         @ModelAttribute Period.Request requested, @RequestParam(defaultValue = "4") String levels,
                         @RequestParam(defaultValue = "false") boolean includeFollows, Model model) {
        String chosen = Pyramids.DISCIPLINES.contains(discipline) ? discipline : "sport";
        int shown = Math.max(PYRAMID_LEVELS.get(0),
                Math.min(levelsOrFour(levels), PYRAMID_LEVELS.get(PYRAMID_LEVELS.size() - 1)));
        Period period = requested.resolve(LocalDate.now());
        return pyramids.pyramid(user.id(), chosen, period.from(), period.to(), shown, includeFollows).map(pyramid -> {
            String heading = (chosen.equals("tr") ? "Top-rope" : chosen.substring(0, 1).toUpperCase() + chosen.substring(1))
                    + " pyramid";
            model.addAttribute("heading", heading);
            model.addAttribute("title", heading + " · Cruxlog");
            model.addAttribute("levels", shown);
            model.addAttribute("levelChoices", PYRAMID_LEVELS);
            model.addAttribute("includeFollows", includeFollows);
            model.addAttribute("disciplines", Pyramids.DISCIPLINES);
            addPyramid(model, pyramid, period, "/pyramid?discipline=" + chosen + period.query() + "&levels=" + shown
                    + (includeFollows ? "&includeFollows=true" : ""));
            return "analytics/pyramid";
        });
    }

    private void addPyramid(Model model, PyramidView pyramid, Period period, String returnTo) {
        model.addAttribute("pyramid", pyramid);
        model.addAttribute("picture", PyramidPicture.of(pyramid));
        model.addAttribute("period", period);
        model.addAttribute("returnTo", returnTo);
    }

    record RouteCharacterForm(String routeKey, String cruxAngle, String cruxEnergy, String returnTo) {
    }

    @PostMapping("/dashboard/routes")
    Mono<String> describe(@AuthenticationPrincipal CurrentUser user, @ModelAttribute RouteCharacterForm form) {
        // Only back to one of our own pyramid pages: never an open redirect.
        String back = form.returnTo() != null && form.returnTo().matches("/(dashboard|pyramid)\\?[A-Za-z0-9=&.-]*")
                ? form.returnTo() : "/dashboard";
        // The form offers only valid values: anything else was made by hand, and is the sender's mistake.
        return pyramids.describe(user.id(), form.routeKey(), blankToNull(form.cruxAngle()), blankToNull(form.cruxEnergy()))
                .onErrorMap(IllegalArgumentException.class, e -> new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage()))
                .thenReturn("redirect:" + back);
    }

    @GetMapping("/progression")
    Mono<String> progression(@AuthenticationPrincipal CurrentUser user, Model model) {
        return insights.progression(user.id(), null, null).zipWith(insights.shownGrades(user.id()), (progression, grades) -> {
            model.addAttribute("title", "Progression · Cruxlog");
            model.addAttribute("progression", progression);
            model.addAttribute("grades", grades);
            model.addAttribute("charts", ProgressionChart.of(progression, grades::of).stream()
                    .map(chart -> new DrawnChart("progress-" + chart.id(), chart.name(), json.writeValueAsString(chart.chart())))
                    .toList());
            return "analytics/progression";
        });
    }

    /**
     * Days out as a calendar of one year at a time, any year of the logbook (the latest by
     * default), and the places, hardest send first.
     */
    @GetMapping("/where-and-when")
    Mono<String> whereAndWhen(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year,
                              Model model) {
        return Zip.of(insights.calendar(user.id(), null, null), insights.places(user.id(), null, null),
                insights.shownGrades(user.id()), (calendar, places, grades) -> {
            model.addAttribute("title", "Where and when · Cruxlog");
            model.addAttribute("grades", grades);
            model.addAttribute("calendar", calendar);
            Map<LocalDate, CalendarHeatmap.DayOut> days = new java.util.HashMap<>();
            calendar.days().forEach(day -> days.put(day.date(), new CalendarHeatmap.DayOut(day.ticks(), day.pitches())));
            List<Integer> years = days.keySet().stream().map(LocalDate::getYear).distinct()
                    .sorted(java.util.Comparator.reverseOrder()).toList();
            int shown = years.isEmpty() ? LocalDate.now().getYear() : years.get(0);
            // A year typed by hand that the logbook does not hold shows the latest instead.
            if (year != null && year.matches("\\d{4}") && years.contains(Integer.parseInt(year))) {
                shown = Integer.parseInt(year);
            }
            model.addAttribute("years", years);
            model.addAttribute("heatmap", CalendarHeatmap.of(shown, days));
            model.addAttribute("weekdays", CalendarHeatmap.weekdays());
            model.addAttribute("levelBounds", CalendarHeatmap.LEVEL_BOUNDS);
            model.addAttribute("places", places);
            return "analytics/where-and-when";
        });
    }

    @GetMapping("/characteristics")
    Mono<String> characteristics(@AuthenticationPrincipal CurrentUser user, Model model) {
        return insights.characteristics(user.id(), null, null).map(c -> {
            model.addAttribute("title", "Characteristics · Cruxlog");
            model.addAttribute("characteristics", c);
            model.addAttribute("styleChart", json.writeValueAsString(styleMix(c.styles())));
            return "analytics/characteristics";
        });
    }

    /** Styles in the order a stacked bar shows them: the cleanest first, rope from above and attempts last. */
    private static final List<String> STYLE_ORDER = java.util.stream.Stream.of(AscentStyle.ONSIGHT, AscentStyle.FLASH,
            AscentStyle.REDPOINT, AscentStyle.PINKPOINT, AscentStyle.SOLO, AscentStyle.REPEAT, AscentStyle.TOP_ROPE,
            AscentStyle.FOLLOW, AscentStyle.ATTEMPT).map(AscentStyle::id).toList();

    /**
     * The style mix as stacked bars: one bar per discipline (human names), one series per style,
     * each series its ticks in every discipline (zero where it has none).
     */
    static Map<String, Object> styleMix(List<dev.cruxlog.logbook.LogbookStatistics.StyleCount> styles) {
        List<String> disciplines = styles.stream().map(s -> s.discipline()).distinct().toList();
        List<String> present = styles.stream().map(s -> s.style()).distinct()
                .sorted(java.util.Comparator.comparingInt((String style) -> STYLE_ORDER.indexOf(style) < 0
                        ? STYLE_ORDER.size() : STYLE_ORDER.indexOf(style)).thenComparing(style -> style))
                .toList();
        List<Map<String, Object>> series = present.stream().map(style -> Map.<String, Object>of(
                "label", ClimbingNames.style(style), "style", style,
                "data", disciplines.stream().map(discipline -> styles.stream()
                        .filter(s -> s.discipline().equals(discipline) && s.style().equals(style))
                        .mapToLong(s -> s.ticks()).sum()).toList())).toList();
        return Map.of("labels", disciplines.stream().map(ClimbingNames::discipline).toList(), "series", series);
    }

    /** A page's level count as typed: a number, or the classic four. */
    private static int levelsOrFour(String typed) {
        try {
            return Integer.parseInt(typed.trim());
        } catch (NumberFormatException e) {
            return 4;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
