package dev.cruxlog.web.adapter.in.web;

/**
 * What the layout needs to know about a page: its title and description (for the tab,
 * search engines and link previews).
 */
public record PageMeta(String title, String description) {

    public static PageMeta of(String title, String description) {
        return new PageMeta(title, description);
    }
}
