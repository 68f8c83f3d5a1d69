package dev.cruxlog.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(EventLoops.WORKER_COUNT);
        System.clearProperty(EventLoops.WORKER_COUNT);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(EventLoops.WORKER_COUNT);
        } else {
            System.setProperty(EventLoops.WORKER_COUNT, before);
        }
    }

    @Test
    void oneLoopPerCoreTheJvmMayUse() {
        EventLoops.onePerCore();

        assertThat(System.getProperty(EventLoops.WORKER_COUNT))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void anOperatorsChoiceIsKept() {
        System.setProperty(EventLoops.WORKER_COUNT, "7");

        EventLoops.onePerCore();

        assertThat(System.getProperty(EventLoops.WORKER_COUNT)).isEqualTo("7");
    }
}
