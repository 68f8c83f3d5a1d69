package dev.cruxlog.identity;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class IdentityBlockHoundTest extends BlockHoundSelfTest {
}
