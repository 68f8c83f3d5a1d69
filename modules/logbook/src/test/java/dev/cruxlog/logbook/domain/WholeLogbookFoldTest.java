package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.cruxlog.logbook.DifficultyCategory;
import dev.cruxlog.logbook.LogbookStatistics.RouteSend;
import dev.cruxlog.logbook.LogbookStatistics.WholeLogbookFigures;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;

/**
 * The one-pass fold's rules on logbooks small enough to count by hand. That it equals the
 * per-figure SQL on real and generated logbooks is ReadModelEquivalenceTest's job (app).
 */
class WholeLogbookFoldTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

    private int ids;

    private FigureTick tick(LocalDate day, String route, String style, boolean send, int level) {
        return tick(day, route, "sport", style, send, level, List.of("Nevada", "Red Rock"));
    }

    private FigureTick tick(LocalDate day, String route, String discipline, String style, boolean send, int level,
                            List<String> path) {
        return new FigureTick(new UUID(0, ++ids), "key:" + route, route, path.isEmpty() ? null : path.get(path.size() - 1),
                path, day, discipline, "5." + level, level * 10, level, style, send, 1, 100);
    }

    private static WholeLogbookFigures fold(SendCounting counting, List<FigureTick> ticks) {
        WholeLogbookFold fold = new WholeLogbookFold(counting, TODAY);
        ticks.forEach(fold::add);
        return fold.result();
    }

    @Test
    void triesUpToTheFirstSendAreEarlierDaysTicksThatDaysFailedOnesAndTheSend() {
        List<FigureTick> ticks = List.of(
                tick(MAY_1, "Crimson", "attempt", false, 11),
                tick(MAY_1, "Crimson", "attempt", false, 11),
                tick(MAY_1.plusDays(7), "Crimson", "attempt", false, 11),
                tick(MAY_1.plusDays(7), "Crimson", "redpoint", true, 11),
                tick(MAY_1.plusDays(7), "Crimson", "redpoint", true, 11),
                tick(MAY_1.plusDays(30), "Crimson", "redpoint", true, 11));

        RouteSend send = fold(SendCounting.LEADS_AND_BOULDERS, ticks).firstSends().get("sport").get(0);

        assertThat(send.firstSent()).isEqualTo(MAY_1.plusDays(7));
        assertThat(send.attempts()).as("two on day one, the failed one and the send on day two").isEqualTo(4);
        assertThat(send.days()).isEqualTo(2);
        assertThat(send.sends()).isEqualTo(3);
    }

    @Test
    void theOrderOfOneDaysTicksChangesNothing() {
        List<FigureTick> ticks = new ArrayList<>();
        for (int day = 0; day < 40; day++) {
            for (int route = 0; route < 4; route++) {
                boolean send = (day + route) % 3 == 0;
                ticks.add(tick(MAY_1.plusDays(day / 2), "Route " + route, send ? (route % 2 == 0 ? "onsight" : "redpoint") : "attempt",
                        send, 9 + route));
                ticks.add(tick(MAY_1.plusDays(day / 2), "Route " + route, "top-rope", false, 9 + route));
            }
        }
        WholeLogbookFigures inOrder = fold(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS, ticks);
        Random random = new Random(7);
        for (int run = 0; run < 5; run++) {
            List<FigureTick> shuffled = shuffleWithinDays(ticks, random);
            assertThat(fold(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS, shuffled)).isEqualTo(inOrder);
        }
    }

    private static List<FigureTick> shuffleWithinDays(List<FigureTick> ticks, Random random) {
        List<FigureTick> shuffled = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= ticks.size(); i++) {
            if (i == ticks.size() || !ticks.get(i).climbedOn().equals(ticks.get(start).climbedOn())) {
                List<FigureTick> day = new ArrayList<>(ticks.subList(start, i));
                Collections.shuffle(day, random);
                shuffled.addAll(day);
                start = i;
            }
        }
        return shuffled;
    }

    @Test
    void aTopRopeIsASendAndATryOnlyWhenTheClimberCountsThem() {
        List<FigureTick> ticks = List.of(
                tick(MAY_1, "Slab", "top-rope", false, 10),
                tick(MAY_1.plusDays(1), "Slab", "redpoint", true, 10));

        WholeLogbookFigures leads = fold(SendCounting.LEADS_AND_BOULDERS, ticks);
        WholeLogbookFigures all = fold(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS, ticks);

        assertThat(leads.overview().sends()).isEqualTo(1);
        assertThat(leads.firstSends().get("sport").get(0).attempts()).as("the top rope was no try").isEqualTo(1);
        assertThat(all.overview().sends()).isEqualTo(2);
        assertThat(all.firstSends().get("sport").get(0).firstSent()).isEqualTo(MAY_1);
        assertThat(all.firstSends().get("sport").get(0).style()).isEqualTo("top-rope");
    }

    @Test
    void aSendIsMeasuredAgainstTheHardestSendOfEarlierDaysNotOfItsOwnDay() {
        List<FigureTick> ticks = List.of(
                tick(MAY_1, "Twelve", "redpoint", true, 12),
                tick(MAY_1, "Ten", "redpoint", true, 10),
                tick(MAY_1.plusDays(1), "Nine", "redpoint", true, 9),
                tick(MAY_1.plusDays(1), "Project", "attempt", false, 13));

        WholeLogbookFigures figures = fold(SendCounting.LEADS_AND_BOULDERS, ticks);

        assertThat(figures.overview().sendsByCategory()).containsEntry(DifficultyCategory.PROJECT, 2L)
                .containsEntry(DifficultyCategory.TIER_4, 1L).hasSize(2);
        assertThat(figures.overview().projectAttempts()).isEqualTo(1);
        assertThat(figures.overview().recentHardSends()).extracting(h -> h.route()).containsExactly("Ten", "Twelve");
    }

    @Test
    void aSendDatedAfterTomorrowIsNotRecent() {
        List<FigureTick> ticks = List.of(tick(TODAY.plusDays(1), "Tomorrow", "redpoint", true, 10),
                tick(TODAY.plusDays(2), "Later", "redpoint", true, 10));

        assertThat(fold(SendCounting.LEADS_AND_BOULDERS, ticks).overview().recentHardSends()).extracting(h -> h.route())
                .containsExactly("Tomorrow");
    }

    @Test
    void placesAreWholePathsInArrayOrderAndTheirHardestIsTheHardestSend() {
        List<FigureTick> ticks = List.of(
                tick(MAY_1, "A", "sport", "redpoint", true, 10, List.of("Utah", "Maple")),
                tick(MAY_1, "B", "sport", "attempt", false, 13, List.of("Utah", "Maple")),
                tick(MAY_1, "C", "sport", "onsight", true, 9, List.of("Utah")),
                tick(MAY_1, "D", "sport", "onsight", true, 9, List.of("Utah", "Maple", "Pipeline")),
                tick(MAY_1, "E", "sport", "onsight", true, 9, List.of()));

        WholeLogbookFigures figures = fold(SendCounting.LEADS_AND_BOULDERS, ticks);

        assertThat(figures.places()).extracting(p -> p.path()).containsExactly(List.of("Utah"), List.of("Utah", "Maple"),
                List.of("Utah", "Maple", "Pipeline"));
        assertThat(figures.places().get(1).hardestGrade()).isEqualTo("5.10");
        assertThat(figures.places().get(1).ticks()).isEqualTo(2);
        assertThat(figures.overview().regions()).isEqualTo(1);
    }

    @Test
    void aRouteClimbedInTwoDisciplinesIsTwoFirstSendsWhileItsRecentSendsCountEveryTry() {
        List<String> path = List.of("Nevada", "Red Rock");
        List<FigureTick> ticks = List.of(
                tick(MAY_1, "Crimson", "sport", "attempt", false, 11, path),
                tick(MAY_1.plusDays(1), "Crimson", "trad", "redpoint", true, 11, path),
                tick(MAY_1.plusDays(2), "Crimson", "sport", "redpoint", true, 11, path));

        WholeLogbookFigures figures = fold(SendCounting.LEADS_AND_BOULDERS, ticks);

        assertThat(figures.firstSends().get("trad")).singleElement()
                .satisfies(send -> assertThat(send.attempts()).as("first sends are by discipline and route").isEqualTo(1));
        assertThat(figures.firstSends().get("sport")).singleElement().satisfies(send -> {
            assertThat(send.attempts()).isEqualTo(2);
            assertThat(send.days()).isEqualTo(2);
        });
        assertThat(figures.overview().recentHardSends()).extracting(h -> h.discipline(), h -> h.attempts())
                .as("a recent send's tries are by route key, whatever the discipline, as in the SQL")
                .containsExactly(tuple("sport", 3), tuple("trad", 2));
    }

    @Test
    void foldingEveryCountingInOnePassGivesWhatEachCountingsOwnFoldGives() {
        Random random = new Random(11);
        String[] styles = {"onsight", "flash", "redpoint", "attempt", "top-rope", "follow"};
        List<FigureTick> ticks = new ArrayList<>();
        LocalDate day = MAY_1;
        for (int i = 0; i < 3_000; i++) {
            day = day.plusDays(random.nextInt(3) == 0 ? 1 : 0);
            String style = styles[random.nextInt(styles.length)];
            // 600 routes and 300 places: more than the fold's first arrays hold, so they grow.
            List<String> path = random.nextInt(20) == 0 ? List.of() : List.of("Nevada", "Area " + random.nextInt(300));
            ticks.add(tick(day, "Route " + random.nextInt(600), random.nextBoolean() ? "sport" : "trad", style,
                    style.equals("onsight") || style.equals("flash") || style.equals("redpoint"), 8 + random.nextInt(6), path));
        }

        WholeLogbookFolds everyCounting = new WholeLogbookFolds(TODAY);
        ticks.forEach(everyCounting::add);
        var together = everyCounting.result();

        for (SendCounting counting : SendCounting.values()) {
            assertThat(together.get(counting)).as(counting.name()).isEqualTo(fold(counting, ticks));
        }
        assertThat(together.get(SendCounting.LEADS_AND_BOULDERS).overview().sends())
                .as("the countings differ on these ticks, so the comparison can tell them apart")
                .isLessThan(together.get(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS).overview().sends());
    }

    /**
     * What an import that only adds hands the read model (ADR 0023): the ticks held, in date
     * order, merged with new ones in any order, folded as if all had been read in date order,
     * including days that both hold.
     */
    @Test
    void aLogbookThatGainedTicksFoldsAsTheWholeLogbookReadInDateOrder() {
        Random random = new Random(23);
        String[] styles = {"onsight", "flash", "redpoint", "attempt", "top-rope", "follow"};
        List<FigureTick> held = new ArrayList<>();
        List<FigureTick> added = new ArrayList<>();
        LocalDate day = MAY_1;
        for (int i = 0; i < 2_000; i++) {
            day = day.plusDays(random.nextInt(4) == 0 ? 1 : 0);
            String style = styles[random.nextInt(styles.length)];
            FigureTick tick = tick(day, "Route " + random.nextInt(150), "sport", style,
                    style.equals("onsight") || style.equals("flash") || style.equals("redpoint"), 8 + random.nextInt(6),
                    List.of("Nevada", "Area " + random.nextInt(40)));
            (random.nextInt(3) == 0 ? held : added).add(tick);
        }
        List<FigureTick> all = new ArrayList<>(held);
        all.addAll(added);
        all.sort(java.util.Comparator.comparing(FigureTick::climbedOn));
        Collections.shuffle(added, random);

        var merged = WholeLogbookFolds.withAdded(new FigureTicks(TODAY, held), added);

        WholeLogbookFolds read = new WholeLogbookFolds(TODAY);
        all.forEach(read::add);
        assertThat(merged).isEqualTo(read.result());
        assertThat(merged.get(SendCounting.LEADS_AND_BOULDERS).overview().ticks()).isEqualTo(2_000);
        assertThat(WholeLogbookFolds.withAdded(new FigureTicks(TODAY, List.of()), added))
                .as("held ticks count: leaving them out changes the figures").isNotEqualTo(merged);
    }

    @Test
    void textIsOrderedByCodePointAsPostgresqlsCCollationOrdersIt() {
        assertThat(WholeLogbookFold.CodePoints.compare("a", "B")).as("lower case after upper").isPositive();
        assertThat(WholeLogbookFold.CodePoints.compare("\uFB01", "\uD83D\uDE00"))
                .as("U+FB01 before U+1F600, though its UTF-16 unit is larger").isNegative();
        assertThat(WholeLogbookFold.CodePoints.compare("ab", "a")).isPositive();
        assertThat(WholeLogbookFold.CodePoints.lower("ÄBC Déf")).as("ASCII only, as lower(text COLLATE \"C\")")
                .isEqualTo("Äbc déf");
        assertThat(WholeLogbookFold.compareUuids(UUID.fromString("80000000-0000-0000-0000-000000000000"),
                UUID.fromString("00000000-0000-0000-0000-000000000001"))).as("bytes unsigned, as uuid_cmp").isPositive();
    }

    @Test
    void ticksOutOfDateOrderAreRefused() {
        WholeLogbookFold fold = new WholeLogbookFold(SendCounting.LEADS_AND_BOULDERS, TODAY);
        fold.add(tick(MAY_1.plusDays(1), "Later", "redpoint", true, 10));

        assertThatThrownBy(() -> fold.add(tick(MAY_1, "Earlier", "redpoint", true, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date order");
    }

    @Test
    void anEmptyLogbookHasEmptyFigures() {
        WholeLogbookFigures figures = fold(SendCounting.LEADS_AND_BOULDERS, List.of());

        assertThat(figures.overview().ticks()).isZero();
        assertThat(figures.overview().firstDay()).isNull();
        assertThat(figures.firstSends()).isEmpty();
        assertThat(figures.days()).isEmpty();
    }
}
