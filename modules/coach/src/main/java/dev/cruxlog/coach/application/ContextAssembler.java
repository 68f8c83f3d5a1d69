package dev.cruxlog.coach.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.cruxlog.analytics.Overviews;
import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.coach.domain.ChatTurn;
import dev.cruxlog.coach.domain.ClimberProfile;
import dev.cruxlog.coach.domain.CoachContext;
import dev.cruxlog.coach.domain.NamedGrade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.ClimberSettings;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.RecentTicks;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.Zip;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gathers what the coach knows for one question, through the other modules' APIs only, each
 * call scoped to the asking climber: profile, ticks of the last 30 days, the sport, trad and
 * boulder pyramids and the overview of the last 12 months; the last 10 messages come read with
 * the conversation ({@link Conversations#findWithLastTurns}).
 */
@Component
class ContextAssembler implements QuestionContexts {

    static final List<String> PYRAMIDS = List.of(Discipline.SPORT.id(), Discipline.TRAD.id(), Discipline.BOULDER.id());
    static final int MAX_RECENT_TICKS = 200;
    /** As deep as analytics draws a pyramid: a named grade's levels below are read from it. */
    static final int DEEPEST_PYRAMID = 12;

    private final ClimberProfiles profiles;
    private final Accounts accounts;
    private final RecentTicks ticks;
    private final Overviews overviews;
    private final Pyramids pyramids;
    private final Grades grades;
    private final Clock clock;

    ContextAssembler(ClimberProfiles profiles, Accounts accounts, RecentTicks ticks, Overviews overviews,
                     Pyramids pyramids, Grades grades, Clock clock) {
        this.grades = grades;
        this.profiles = profiles;
        this.accounts = accounts;
        this.ticks = ticks;
        this.overviews = overviews;
        this.pyramids = pyramids;
        this.clock = clock;
    }

    @Override
    public Mono<CoachContext> assemble(UUID owner, List<ChatTurn> history, String question) {
        LocalDate today = LocalDate.now(clock);
        Mono<ClimberProfile> profile = profiles.find(owner);
        Mono<List<dev.cruxlog.logbook.TickView>> recent = ticks.since(owner, today.minusDays(CoachContext.RECENT_DAYS),
                MAX_RECENT_TICKS).collectList();
        // Read once for everything below: how sends are counted (the overview, the recent ticks), and
        // the grade systems and counting the pyramids are drawn in.
        Mono<ClimberSettings> settings = accounts.settings(owner).defaultIfEmpty(ClimberSettings.DEFAULTS).cache();
        Mono<List<PyramidView>> current = settings.flatMap(read -> pyramids.wholeLogbook(owner, read, PYRAMIDS, 4));
        Mono<SendCounting> counting = settings.map(read -> SendCounting.of(read.countTopRopesAndFollowsAsSends()));
        // Analytics holds it until the climber's logbook changes: not a statement over the whole logbook per question.
        Mono<LogbookStatistics.Overview> overview = counting.flatMap(
                counted -> overviews.overview(owner, counted, today.minusYears(1), today));
        Mono<Optional<NamedGrade>> named = QuestionGrade.in(question, grades)
                .map(asked -> pyramids.pyramid(owner, asked.discipline(), null, null, DEEPEST_PYRAMID, false)
                        .map(pyramid -> Optional.of(named(asked, pyramid))))
                .orElse(Mono.just(Optional.empty()));
        return Zip.of(profile, recent, current, overview, counting, named,
                (climber, recentTicks, pyramidsNow, lastYear, sendCounting, namedGrade) -> new CoachContext(today,
                        climber, recentTicks, pyramidsNow, lastYear, history, question, sendCounting, namedGrade.orElse(null)));
    }

    /**
     * The named grade on the ladder of the pyramid's system (the climber's), with the pyramid's
     * sends at it and on the four levels under it. A level the pyramid does not reach (it shows
     * {@value #DEEPEST_PYRAMID} levels down from the hardest send) is left out, not guessed.
     */
    private NamedGrade named(QuestionGrade.Named asked, PyramidView pyramid) {
        GradeSystem system = GradeSystem.byId(pyramid.gradeSystem()).orElseThrow();
        int target = grades.level(asked.grade().index(), system);
        Map<Integer, Integer> sends = new HashMap<>();
        pyramid.levels().forEach(level -> sends.put(level.level(), level.sends()));
        int lowest = pyramid.levels().stream().mapToInt(PyramidView.Level::level).min().orElse(target);
        List<NamedGrade.Step> below = new ArrayList<>();
        for (int step = 1; step <= 4 && target - step >= lowest; step++) {
            below.add(new NamedGrade.Step(grades.levelName(target - step, system), NamedGrade.idealBelow(step),
                    sends.getOrDefault(target - step, 0)));
        }
        return new NamedGrade(asked.discipline(), grades.levelName(target, system), sends.getOrDefault(target, 0), below);
    }
}
