package dev.cruxlog.identity;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An 8a.nu profile, by its slug ("chris-rush") or its address
 * ("https://www.8a.nu/user/chris-rush", with or without a tab after it). Only the slug is
 * kept, so no address a climber types can make us contact another host. The one rule for an
 * 8a.nu profile: account settings store it, the logbook imports by it. A text that is no
 * profile is an {@link IllegalArgumentException} whose message is for the climber.
 */
public record EightAProfile(String slug) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9_.-]{0,98}[a-z0-9])?");

    public EightAProfile {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("'" + slug + "' is not an 8a.nu profile name. It is the last part of your profile "
                    + "address: for https://www.8a.nu/user/alex-honnold it is alex-honnold.");
        }
    }

    public static EightAProfile parse(String slugOrAddress) {
        String text = slugOrAddress == null ? "" : slugOrAddress.trim();
        if (text.contains("/")) {
            String path;
            try {
                path = URI.create(text.startsWith("http") ? text : "https://" + text).getPath();
            } catch (IllegalArgumentException e) {
                path = "";
            }
            String[] parts = path == null ? new String[0] : path.split("/");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (parts[i].equals("user") || parts[i].equals("users")) {
                    return new EightAProfile(parts[i + 1].toLowerCase(Locale.ROOT));
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not an 8a.nu profile address; it looks like "
                    + "https://www.8a.nu/user/your-name.");
        }
        return new EightAProfile(text.toLowerCase(Locale.ROOT));
    }

    /** Where the profile is shown, recorded with the import. */
    public String address() {
        return "https://www.8a.nu/user/" + slug;
    }
}
