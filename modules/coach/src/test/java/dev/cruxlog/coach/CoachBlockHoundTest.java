package dev.cruxlog.coach;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class CoachBlockHoundTest extends BlockHoundSelfTest {
}
