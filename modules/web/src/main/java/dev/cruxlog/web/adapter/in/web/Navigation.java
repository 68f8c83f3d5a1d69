package dev.cruxlog.web.adapter.in.web;

import java.util.List;

import dev.cruxlog.platform.web.PageNotices;
import org.springframework.security.web.server.csrf.CsrfToken;

/**
 * What the header shows: who is signed in (if anyone), whether to remind them to confirm
 * their email address, the CSRF token the sign-out form needs, and the notices modules add
 * to every page (a failed payment).
 */
public record Navigation(String signedInAs, boolean needsEmailVerification, CsrfToken csrf,
                         List<PageNotices.Notice> notices) {

    public Navigation {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public static Navigation anonymous(CsrfToken csrf) {
        return new Navigation(null, false, csrf, List.of());
    }

    public boolean signedIn() {
        return signedInAs != null;
    }
}
