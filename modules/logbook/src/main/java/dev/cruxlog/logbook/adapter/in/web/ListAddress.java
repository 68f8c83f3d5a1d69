package dev.cruxlog.logbook.adapter.in.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where in the logbook list a climber was (filters, sort, page of older ticks), carried through
 * an edit or a delete as {@code back} so they return to the same place. Only the list's own
 * address is ever followed, so a hand-made {@code back} cannot send anyone elsewhere.
 */
public final class ListAddress {

    static final String LIST = "/logbook";
    /** The list's path and a query of the characters {@link TickFilters#query()} and cursors write. */
    private static final Pattern SAFE = Pattern.compile("/logbook(\\?[A-Za-z0-9=&%._~+:,-]{0,1000})?");

    private ListAddress() {
    }

    /** The list page showing these filters from this cursor. */
    public static String of(TickFilters filters, String cursor) {
        String query = (cursor != null && !cursor.isBlank() ? "&cursor=" + encoded(cursor) : "") + filters.query();
        return query.isEmpty() ? LIST : LIST + "?" + query.substring(1);
    }

    /** {@code back} if it is an address of the list; the list's first page otherwise. */
    public static String safe(String back) {
        return back != null && SAFE.matcher(back).matches() ? back : LIST;
    }

    /** {@code back}, made safe, with more parameters ({@code done=saved}). */
    static String with(String back, String parameters) {
        String address = safe(back);
        return address + (address.contains("?") ? "&" : "?") + parameters;
    }

    /** As a query parameter's value. */
    public static String encoded(String address) {
        return URLEncoder.encode(address, StandardCharsets.UTF_8);
    }
}
