package dev.cruxlog.analytics;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class AnalyticsBlockHoundTest extends BlockHoundSelfTest {
}
