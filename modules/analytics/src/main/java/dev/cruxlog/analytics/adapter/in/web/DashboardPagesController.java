package dev.cruxlog.analytics.adapter.in.web;

import java.time.LocalDate;
import java.util.Set;

import dev.cruxlog.analytics.application.InsightsService;
import dev.cruxlog.analytics.application.PyramidService;
import dev.cruxlog.analytics.domain.CalendarHeatmap;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.logbook.LogbookStatistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard (overview and pyramid) and the progression, places and characteristics
 * pages. Charts are drawn by Chart.js from JSON embedded in the page; every chart has a
 * table beside it, so the numbers are there for screen readers and without scripts.
 */
@Controller
class DashboardPagesController {

    private static final Set<String> DISCIPLINES = Set.of("sport", "trad", "tr", "boulder", "alpine", "ice", "mixed", "aid");

    private final PyramidService pyramids;
    private final InsightsService insights;
    private final LogbookStatistics statistics;
    private final JsonMapper json;

    DashboardPagesController(PyramidService pyramids, InsightsService insights, LogbookStatistics statistics,
                             JsonMapper json) {
        this.pyramids = pyramids;
        this.insights = insights;
        this.statistics = statistics;
        this.json = json;
    }

    @GetMapping("/dashboard")
    Mono<String> dashboard(@AuthenticationPrincipal CurrentUser user,
                           @RequestParam(defaultValue = "sport") String discipline,
                           @RequestParam(required = false) String window,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           Model model) {
        String chosen = DISCIPLINES.contains(discipline) ? discipline : "sport";
        // A date range typed in wins over the all-time / last-12-months choice.
        boolean range = from != null || to != null;
        LocalDate start = range ? from : "12m".equals(window) ? LocalDate.now().minusMonths(12) : null;
        LocalDate end = range ? to : null;
        if (start != null && end != null && start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        LocalDate periodStart = start;
        LocalDate periodEnd = end;
        return Mono.zip(statistics.overview(user.id(), periodStart, periodEnd),
                        pyramids.pyramid(user.id(), chosen, periodStart, periodEnd, 4, false))
                .map(both -> {
                    model.addAttribute("title", "Dashboard · Cruxlog");
                    model.addAttribute("overview", both.getT1());
                    model.addAttribute("pyramid", both.getT2());
                    model.addAttribute("pyramidChart", json.writeValueAsString(java.util.Map.of(
                            "labels", both.getT2().levels().stream().map(l -> l.grade()).toList(),
                            "sends", both.getT2().levels().stream().map(l -> l.sends()).toList(),
                            "ideal", both.getT2().levels().stream().map(l -> l.idealSends()).toList())));
                    model.addAttribute("window", range ? "range" : "12m".equals(window) ? "12m" : "all");
                    model.addAttribute("from", range ? periodStart : null);
                    model.addAttribute("to", range ? periodEnd : null);
                    return "analytics/dashboard";
                });
    }

    record RouteCharacterForm(String routeKey, String cruxAngle, String cruxEnergy, String discipline) {
    }

    @PostMapping("/dashboard/routes")
    Mono<String> describe(@AuthenticationPrincipal CurrentUser user, @ModelAttribute RouteCharacterForm form) {
        return pyramids.describe(user.id(), form.routeKey(), blankToNull(form.cruxAngle()), blankToNull(form.cruxEnergy()))
                .thenReturn("redirect:/dashboard?discipline=" + (DISCIPLINES.contains(form.discipline()) ? form.discipline() : "sport"));
    }

    @GetMapping("/progression")
    Mono<String> progression(@AuthenticationPrincipal CurrentUser user, Model model) {
        return insights.progression(user.id(), null, null).map(progression -> {
            model.addAttribute("title", "Progression · Cruxlog");
            model.addAttribute("progression", progression);
            model.addAttribute("volumeChart", json.writeValueAsString(java.util.Map.of(
                    "labels", progression.volume().stream().map(m -> m.month()).toList(),
                    "pitches", progression.volume().stream().map(m -> m.pitches()).toList(),
                    "days", progression.volume().stream().map(m -> m.days()).toList())));
            return "analytics/progression";
        });
    }

    @GetMapping("/where-and-when")
    Mono<String> whereAndWhen(@AuthenticationPrincipal CurrentUser user, Model model) {
        return Mono.zip(insights.calendar(user.id(), null, null), insights.places(user.id(), null, null)).map(both -> {
            model.addAttribute("title", "Where and when · Cruxlog");
            model.addAttribute("calendar", both.getT1());
            java.util.Map<LocalDate, Long> pitches = new java.util.HashMap<>();
            both.getT1().days().forEach(day -> pitches.put(day.date(), day.pitches()));
            LocalDate last = both.getT1().days().isEmpty() ? LocalDate.now()
                    : both.getT1().days().get(both.getT1().days().size() - 1).date();
            model.addAttribute("heatmap", CalendarHeatmap.build(pitches, last));
            model.addAttribute("places", both.getT2());
            return "analytics/where-and-when";
        });
    }

    @GetMapping("/characteristics")
    Mono<String> characteristics(@AuthenticationPrincipal CurrentUser user, Model model) {
        return insights.characteristics(user.id(), null, null).map(c -> {
            model.addAttribute("title", "Characteristics · Cruxlog");
            model.addAttribute("characteristics", c);
            model.addAttribute("styleChart", json.writeValueAsString(java.util.Map.of(
                    "labels", c.styles().stream().map(s -> s.discipline() + " " + s.style()).toList(),
                    "ticks", c.styles().stream().map(s -> s.ticks()).toList())));
            return "analytics/characteristics";
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
