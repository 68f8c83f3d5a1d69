package dev.cruxlog.platform.web;

import reactor.core.publisher.Flux;

/**
 * Something a module needs every signed-in page to say (billing: "your last payment failed").
 * Modules declare beans; the layout asks each one for every page it renders, so no module
 * edits the layout for its own banner.
 */
public interface PageNotices {

    Flux<Notice> forUser(SignedInUser user);

    /**
     * @param text     the sentence shown
     * @param linkText what the link says, or null for no link
     * @param link     where it goes
     */
    record Notice(String text, String linkText, String link) {
    }
}
