package dev.cruxlog.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.identity.AccountView;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.LengthUnit;
import dev.cruxlog.identity.Role;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.LogbookStatistics.RouteSend;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The pyramid use case alone, against in-memory ports: what it reuses and when it builds again. */
class PyramidServiceTest {

    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-000000000007");

    private final ReadModelFakes.Statistics statistics = new ReadModelFakes.Statistics();
    private final ReadModelFakes.Figures figures = new ReadModelFakes.Figures();
    private final InMemoryCharacters characters = new InMemoryCharacters();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final PyramidMemo memo = new PyramidMemo(10_000);
    private final GradeCatalog grades = new GradeCatalog();
    /** The one-statement read as the two ports it stands for. */
    private final PyramidSources sources = (owner, wanted) -> Flux.fromIterable(wanted)
            .concatMap(one -> figures.revisedFirstSends(owner, one.counting(), one.discipline())
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .zipWith(characters.all(owner), PyramidSources.Sources::new))
            .collectList();
    private final PyramidService pyramids = new PyramidService(new AnalyticsFigures(statistics, figures, new WindowedOverviews(0)),
            new ClimberPreferences(accounts), grades, characters, memo, sources);

    @Test
    void aPyramidOfStoredSendsIsBuiltOnceAndServedUntilTheSendsAreStoredAgain() {
        store(send("route-1", "5.11a", 110));

        PyramidService.KeyedPyramid first = pyramid(null);
        PyramidService.KeyedPyramid second = pyramid(null);

        assertThat(first.key()).isPresent();
        assertThat(second.view()).isSameAs(first.view());
        assertThat(routes(second.view())).containsExactly("route-1");

        store(send("route-1", "5.11a", 110), send("route-2", "5.11b", 111));
        PyramidService.KeyedPyramid afterWrite = pyramid(null);

        assertThat(afterWrite.key()).isPresent().isNotEqualTo(first.key());
        assertThat(routes(afterWrite.view())).as("the new revision is built, not the held one served")
                .containsExactlyInAnyOrder("route-1", "route-2");
    }

    @Test
    void aRouteCharacterOrAGradeSystemChangedIsShownAtOnce() {
        store(send("route-1", "5.11a", 110));
        PyramidService.KeyedPyramid before = pyramid(null);

        characters.held.put("route-1", new RouteCharacters.Character("roof", null));
        PyramidService.KeyedPyramid described = pyramid(null);
        accounts.gradeSystems = Map.of("route", "french");
        PyramidService.KeyedPyramid inFrench = pyramid(null);

        assertThat(described.view().levels().get(0).routes().get(0).cruxAngle()).isEqualTo("roof");
        assertThat(described.key()).isNotEqualTo(before.key());
        assertThat(inFrench.view().gradeSystem()).isEqualTo("french");
        assertThat(inFrench.view().levels().get(0).grade()).isEqualTo(grades.levelName(grades.level(110, GradeSystem.FRENCH),
                GradeSystem.FRENCH)).isNotEqualTo(before.view().levels().get(0).grade());
    }

    @Test
    void aWindowIsComputedFromTheTicksAndNeverHeld() {
        store(send("route-1", "5.11a", 110));

        PyramidService.KeyedPyramid window = pyramid(LocalDate.of(2024, 1, 1));

        assertThat(window.key()).isEmpty();
        assertThat(routes(window.view())).containsExactly("route-1");
        assertThat(statistics.calls).contains("firstSends sport LEADS_AND_BOULDERS 2024-01-01..null");
        assertThat(memo.routesHeld()).isZero();
    }

    @Test
    void withoutAStoredFigureTheTicksAnswerAndNothingIsHeld() {
        PyramidService.KeyedPyramid computed = pyramid(null);

        assertThat(computed.key()).isEmpty();
        assertThat(routes(computed.view())).containsExactly("route-1");
        assertThat(memo.routesHeld()).isZero();
    }

    @Test
    void severalDisciplinesAreAnsweredAsEachAloneWithTheSettingsReadOnce() {
        store(send("route-1", "5.11a", 110));
        accounts.finds = 0;

        List<PyramidView> both = pyramids.wholeLogbook(CLIMBER, List.of("sport", "trad"), 4).block();

        assertThat(accounts.finds).isEqualTo(1);
        assertThat(both).extracting(PyramidView::discipline).containsExactly("sport", "trad");
        assertThat(routes(both.get(0))).containsExactly("route-1");
        assertThat(both.get(0)).isEqualTo(pyramids.pyramid(CLIMBER, "sport", null, null, 4, false).block());
        assertThat(both.get(1)).isEqualTo(pyramids.pyramid(CLIMBER, "trad", null, null, 4, false).block());
    }

    private PyramidService.KeyedPyramid pyramid(LocalDate from) {
        return pyramids.keyedPyramid(CLIMBER, "sport", from, null, 4, false).block();
    }

    private void store(RouteSend... sends) {
        LogbookStatistics.WholeLogbookFigures whole = new LogbookStatistics.WholeLogbookFigures(Map.of("sport", List.of(sends)),
                null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        figures.replace(CLIMBER, Map.of(SendCounting.LEADS_AND_BOULDERS, whole), List.of()).block();
    }

    private static RouteSend send(String routeKey, String grade, int gradeIndex) {
        return new RouteSend(routeKey, routeKey, "Crag", LocalDate.of(2024, 5, 1), grade, gradeIndex, 11, "redpoint", 2, 1, 1);
    }

    private static List<String> routes(PyramidView view) {
        return view.levels().stream().flatMap(level -> level.routes().stream()).map(PyramidView.Route::routeKey).toList();
    }

    private static final class InMemoryCharacters implements RouteCharacters {

        final Map<String, Character> held = new HashMap<>();

        @Override
        public Mono<Map<String, Character>> all(UUID owner) {
            return Mono.fromSupplier(() -> Map.copyOf(held));
        }

        @Override
        public Mono<Character> save(UUID owner, String routeKey, String cruxAngle, String cruxEnergy) {
            return Mono.fromSupplier(() -> {
                held.put(routeKey, new Character(cruxAngle, cruxEnergy));
                return held.get(routeKey);
            });
        }

        @Override
        public Mono<Void> eraseOwnedBy(UUID owner) {
            return Mono.fromRunnable(held::clear);
        }
    }

    private static final class InMemoryAccounts implements Accounts {

        Map<String, String> gradeSystems = Map.of();
        int finds;

        @Override
        public Mono<AccountView> find(UUID accountId) {
            return Mono.fromSupplier(() -> {
                finds++;
                return new AccountView(accountId, "climber", "climber@example.test", true, Tier.FREE,
                        Set.of(Role.USER), true, null, null, gradeSystems, LengthUnit.METRES, false, OffsetDateTime.now());
            });
        }

        @Override
        public Mono<Boolean> hasTier(UUID accountId, Tier tier) {
            return Mono.just(tier == Tier.FREE);
        }

        @Override
        public Mono<Void> changeTier(UUID accountId, Tier tier) {
            return Mono.error(new UnsupportedOperationException("not asked of analytics"));
        }
    }
}
