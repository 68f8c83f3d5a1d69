package dev.cruxlog.analytics.adapter.in.web;

import java.util.Locale;

/**
 * What the pages call the logbook's disciplines and ascent styles: "Top rope", not "tr" or
 * "top-rope". Names only; the ids stay what the API and the logbook speak.
 */
public final class ClimbingNames {

    private ClimbingNames() {
    }

    public static String discipline(String id) {
        return "tr".equals(id) ? "Top rope" : capitalised(id);
    }

    public static String style(String id) {
        return capitalised(id);
    }

    private static String capitalised(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        String spaced = id.replace('-', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
