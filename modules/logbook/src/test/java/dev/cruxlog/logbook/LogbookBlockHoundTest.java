package dev.cruxlog.logbook;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class LogbookBlockHoundTest extends BlockHoundSelfTest {
}
