package dev.cruxlog.identity.domain;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mountain Project profile address, normalised to {@code https://www.mountainproject.com/user/<id>/<slug>}.
 * Only that host and shape are accepted (no other site is ever fetched on a user's behalf).
 */
public record MountainProjectProfile(String url) {

    private static final Pattern PATH = Pattern.compile("^/user/(\\d+)/([A-Za-z0-9-]+)/?$");

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
        throw new InvalidAccountInput("mountainProjectProfileUrl",
                "Paste your Mountain Project profile address, like https://www.mountainproject.com/user/200123456/your-name.");
    }
}
