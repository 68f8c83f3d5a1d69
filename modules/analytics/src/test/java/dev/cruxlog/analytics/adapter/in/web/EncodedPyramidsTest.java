package dev.cruxlog.analytics.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.cruxlog.analytics.application.PyramidMemo;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;

class EncodedPyramidsTest {

    private final List<String> encoded = new ArrayList<>();

    @Test
    void anEqualKeyServesTheBytesEncodedForItAndTheEldestGoPastTheBound() {
        EncodedPyramids bodies = new EncodedPyramids(10);

        byte[] first = bodies.get(key(1), body("one", 6));
        byte[] again = bodies.get(key(1), body("one again", 6));
        bodies.get(key(2), body("two", 6));
        bodies.get(key(1), body("one evicted", 6));

        assertThat(again).isSameAs(first);
        assertThat(encoded).containsExactly("one", "two", "one evicted");
        assertThat(bodies.bytesHeld()).isLessThanOrEqualTo(10);
    }

    @Test
    void aBodyLargerThanTheBoundIsServedAndNotHeld() {
        EncodedPyramids bodies = new EncodedPyramids(5);

        assertThat(bodies.get(key(1), body("large", 6))).hasSize(6);
        bodies.get(key(1), body("large again", 6));

        assertThat(encoded).containsExactly("large", "large again");
        assertThat(bodies.bytesHeld()).isZero();
    }

    private Supplier<byte[]> body(String name, int size) {
        return () -> {
            encoded.add(name);
            return new byte[size];
        };
    }

    private static PyramidMemo.Key key(long revision) {
        return new PyramidMemo.Key(UUID.fromString("00000000-0000-0000-0000-00000000000a"), SendCounting.LEADS_AND_BOULDERS,
                "sport", revision, "yds", 4, null, null, Map.of());
    }
}
