package dev.cruxlog.billing;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class BillingBlockHoundTest extends BlockHoundSelfTest {
}
