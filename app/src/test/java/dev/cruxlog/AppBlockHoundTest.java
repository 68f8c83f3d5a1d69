package dev.cruxlog;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class AppBlockHoundTest extends BlockHoundSelfTest {
}
