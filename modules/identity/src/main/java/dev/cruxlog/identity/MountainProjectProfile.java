package dev.cruxlog.identity;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mountain Project profile address, normalised to {@code https://www.mountainproject.com/user/<id>/<slug>}.
 * Only that host and shape are accepted: this one rule is what keeps the profile a climber saves in their
 * settings, and the profile import that fetches it, from being turned against any other address (SSRF).
 * It lives in identity's API so the logbook uses the same rule instead of a copy.
 */
public record MountainProjectProfile(String url) {

    private static final String ORIGIN = "https://www.mountainproject.com";
    private static final Pattern PATH = Pattern.compile("^/user/(\\d+)/([A-Za-z0-9-]+)/?$");

    /** @throws IllegalArgumentException with a message a climber can act on, for any other address */
    public static MountainProjectProfile parse(String input) {
        String trimmed = input == null ? "" : input.trim();
        try {
            URI uri = URI.create(trimmed.contains("://") ? trimmed : "https://" + trimmed);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            Matcher path = PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if ((host.equals("www.mountainproject.com") || host.equals("mountainproject.com")) && path.matches()
                    && (uri.getScheme().equals("https") || uri.getScheme().equals("http")) && uri.getUserInfo() == null
                    && uri.getPort() == -1) {
                return new MountainProjectProfile(ORIGIN + "/user/" + path.group(1) + "/" + path.group(2));
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "Paste your Mountain Project profile address, like https://www.mountainproject.com/user/200123456/your-name.");
    }

    /** The path below the host: "/user/200123456/your-name". */
    public String path() {
        return url.substring(ORIGIN.length());
    }
}
