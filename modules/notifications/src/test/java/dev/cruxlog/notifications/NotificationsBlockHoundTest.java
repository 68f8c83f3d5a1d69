package dev.cruxlog.notifications;

import dev.cruxlog.platform.testing.BlockHoundSelfTest;

class NotificationsBlockHoundTest extends BlockHoundSelfTest {
}
