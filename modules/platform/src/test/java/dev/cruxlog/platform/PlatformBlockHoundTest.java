package dev.cruxlog.platform;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class PlatformBlockHoundTest extends BlockHoundSelfTest {
}
