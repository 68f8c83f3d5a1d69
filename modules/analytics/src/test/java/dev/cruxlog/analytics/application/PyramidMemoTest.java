package dev.cruxlog.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;

class PyramidMemoTest {

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void anEqualKeyIsServedWhatWasBuiltAndADifferentRevisionIsBuiltAgain() {
        PyramidMemo memo = new PyramidMemo(100);
        List<String> built = new ArrayList<>();

        PyramidView first = memo.get(key(ANNA, 1), () -> view("first", 3, built));
        PyramidView again = memo.get(key(ANNA, 1), () -> view("again", 3, built));
        PyramidView next = memo.get(key(ANNA, 2), () -> view("next", 3, built));

        assertThat(again).isSameAs(first);
        assertThat(next.discipline()).isEqualTo("next");
        assertThat(built).containsExactly("first", "next");
    }

    @Test
    void theLeastRecentlyAskedForGoFirstOnceTheirRoutesPassTheBound() {
        PyramidMemo memo = new PyramidMemo(10);
        List<String> built = new ArrayList<>();
        memo.get(key(ANNA, 1), () -> view("anna", 4, built));
        memo.get(key(BEN, 1), () -> view("ben", 4, built));
        memo.get(key(ANNA, 1), () -> view("anna again", 4, built));

        memo.get(key(BEN, 2), () -> view("ben's next", 4, built));
        memo.get(key(ANNA, 1), () -> view("anna kept", 4, built));
        memo.get(key(BEN, 1), () -> view("ben evicted", 4, built));

        assertThat(built).containsExactly("anna", "ben", "ben's next", "ben evicted");
        assertThat(memo.routesHeld()).isLessThanOrEqualTo(10);
    }

    @Test
    void aPyramidLargerThanTheBoundOrABoundOfNothingIsNeverHeld() {
        List<String> built = new ArrayList<>();
        PyramidMemo small = new PyramidMemo(3);
        small.get(key(ANNA, 1), () -> view("too large", 4, built));
        small.get(key(ANNA, 1), () -> view("too large again", 4, built));
        PyramidMemo none = new PyramidMemo(0);
        none.get(key(ANNA, 1), () -> view("empty", 0, built));
        none.get(key(ANNA, 1), () -> view("empty again", 0, built));

        assertThat(built).containsExactly("too large", "too large again", "empty", "empty again");
        assertThat(small.routesHeld()).isZero();
        assertThat(none.routesHeld()).isZero();
    }

    @Test
    void theRouteCharactersOfAKeyCountTowardsTheBound() {
        PyramidMemo memo = new PyramidMemo(10);
        List<String> built = new ArrayList<>();
        Map<String, RouteCharacters.Character> many = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            many.put("route-" + i, new RouteCharacters.Character("roof", null));
        }
        PyramidMemo.Key described = new PyramidMemo.Key(ANNA, SendCounting.LEADS_AND_BOULDERS, "sport", 1, "yds", 4, null,
                null, Map.copyOf(many));

        memo.get(described, () -> view("one route, twenty characters", 1, built));
        memo.get(described, () -> view("again", 1, built));

        assertThat(built).containsExactly("one route, twenty characters", "again");
        assertThat(memo.routesHeld()).isZero();
    }

    @Test
    void anErasedClimbersPyramidsAreForgottenAndNoOneElses() {
        PyramidMemo memo = new PyramidMemo(100);
        List<String> built = new ArrayList<>();
        memo.get(key(ANNA, 1), () -> view("anna", 2, built));
        memo.get(key(BEN, 1), () -> view("ben", 2, built));

        memo.forget(ANNA);
        memo.get(key(ANNA, 1), () -> view("anna rebuilt", 2, built));
        memo.get(key(BEN, 1), () -> view("ben rebuilt", 2, built));

        assertThat(built).containsExactly("anna", "ben", "anna rebuilt");
    }

    @Test
    void aPyramidBuiltWhileItsClimberIsErasedIsAnsweredAndNotHeld() {
        PyramidMemo memo = new PyramidMemo(100);
        List<String> built = new ArrayList<>();
        memo.get(key(BEN, 1), () -> view("ben", 2, built));

        PyramidView across = memo.get(key(ANNA, 1), () -> {
            // The erasure commits while a request that read Anna's stored sends before it builds.
            memo.forget(ANNA);
            return view("built across the erasure", 2, built);
        });
        memo.get(key(ANNA, 1), () -> view("built again", 2, built));

        assertThat(across.discipline()).isEqualTo("built across the erasure");
        assertThat(built).containsExactly("ben", "built across the erasure", "built again");
        assertThat(memo.routesHeld()).as("ben's two routes only").isEqualTo(2);
    }

    @Test
    void aHeldPyramidIsEncodedOnceAndOneNoLongerHeldOnEveryCall() {
        PyramidMemo memo = new PyramidMemo(6);
        List<String> built = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        PyramidView anna = memo.get(key(ANNA, 1), () -> view("anna", 4, built));

        byte[] first = memo.encoded(key(ANNA, 1), anna, encoder(encoded));
        byte[] again = memo.encoded(key(ANNA, 1), anna, encoder(encoded));
        memo.get(key(BEN, 1), () -> view("ben", 4, built));
        memo.encoded(key(ANNA, 1), anna, encoder(encoded));
        memo.encoded(key(ANNA, 1), anna, encoder(encoded));

        assertThat(again).isSameAs(first);
        assertThat(encoded).as("once while held; on each call once ben's pyramid pushed it out")
                .containsExactly("anna", "anna", "anna");
    }

    @Test
    void anErasedClimbersEncodingsGoWithTheirPyramids() {
        PyramidMemo memo = new PyramidMemo(100);
        List<String> encoded = new ArrayList<>();
        PyramidView anna = memo.get(key(ANNA, 1), () -> view("anna", 2, new ArrayList<>()));
        memo.encoded(key(ANNA, 1), anna, encoder(encoded));

        memo.forget(ANNA);
        memo.encoded(key(ANNA, 1), anna, encoder(encoded));

        assertThat(encoded).containsExactly("anna", "anna");
        assertThat(memo.routesHeld()).isZero();
    }

    private static java.util.function.Function<PyramidView, byte[]> encoder(List<String> encoded) {
        return view -> {
            encoded.add(view.discipline());
            return view.discipline().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    private static PyramidMemo.Key key(UUID owner, long revision) {
        return new PyramidMemo.Key(owner, SendCounting.LEADS_AND_BOULDERS, "sport", revision, "yds", 4, null, null, Map.of());
    }

    /** A pyramid named {@code name} (in its discipline field) with {@code routes} routes on one level. */
    private static PyramidView view(String name, int routes, List<String> built) {
        built.add(name);
        PyramidView.Route route = new PyramidView.Route("r", "R", "Crag", LocalDate.of(2024, 5, 1), "5.11a", 1, 1, "redpoint",
                null, null);
        return new PyramidView(name, "yds", null, null,
                List.of(new PyramidView.Level("5.11a", 110, 110, routes, 1, Collections.nCopies(routes, route))), null);
    }
}
