package dev.cruxlog.web;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class WebBlockHoundTest extends BlockHoundSelfTest {
}
