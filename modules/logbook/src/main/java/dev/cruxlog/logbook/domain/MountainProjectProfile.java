package dev.cruxlog.logbook.domain;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mountain Project profile address, normalised to {@code https://www.mountainproject.com/user/<id>/<slug>}.
 * Only that host and shape are accepted: this is what keeps the profile import from being
 * turned against any other address (SSRF). Identity validates the address a climber saves
 * in their settings with the same rule; the two are kept apart because identity must not
 * depend on the logbook.
 */
public record MountainProjectProfile(String url) {

    private static final Pattern PATH = Pattern.compile("^/user/(\\d+)/([A-Za-z0-9-]+)/?$");

    /** The path below the host: "/user/200123456/your-name". */
    public String path() {
        return url.substring("https://www.mountainproject.com".length());
    }

    public static MountainProjectProfile parse(String input) {
        String trimmed = input == null ? "" : input.trim();
        try {
            URI uri = URI.create(trimmed.contains("://") ? trimmed : "https://" + trimmed);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            Matcher path = PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if ((host.equals("www.mountainproject.com") || host.equals("mountainproject.com")) && path.matches()
                    && (uri.getScheme().equals("https") || uri.getScheme().equals("http")) && uri.getUserInfo() == null
                    && uri.getPort() == -1) {
                return new MountainProjectProfile("https://www.mountainproject.com/user/" + path.group(1) + "/" + path.group(2));
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "Paste your Mountain Project profile address, like https://www.mountainproject.com/user/200123456/your-name.");
    }
}
