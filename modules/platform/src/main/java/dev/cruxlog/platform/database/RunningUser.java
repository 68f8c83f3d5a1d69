package dev.cruxlog.platform.database;

final class RunningUser {

    private RunningUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
