package dev.cruxlog.grades;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class GradesBlockHoundTest extends BlockHoundSelfTest {
}
