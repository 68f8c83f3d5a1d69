package dev.cruxlog.web.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * WCAG 2.x AA contrast (4.5:1 for body text) for the stylesheet every page uses: the palette's
 * text-on-background pairs, and every rule that sets both a text colour and a background.
 */
class ColourContrastTest {

    private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern COLOR = Pattern.compile("(?<![-a-z])color:\\s*([^;]+);");
    private static final Pattern BACKGROUND = Pattern.compile("background(?:-color)?:\\s*([^;]+);");

    @Test
    void thePalettesTextPairsPassAa() throws IOException {
        Map<String, String> palette = palette(css());
        for (String[] pair : new String[][] {{"ink", "paper"}, {"ink", "card"}, {"muted", "paper"}, {"muted", "card"},
                {"brand", "paper"}, {"brand", "card"}}) {
            assertThat(ratio(palette.get(pair[0]), palette.get(pair[1]))).as("%s on %s", pair[0], pair[1])
                    .isGreaterThanOrEqualTo(4.5);
        }
        assertThat(ratio("#ffffff", palette.get("brand"))).as("white on brand (header)").isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void everyRuleThatSetsTextAndBackgroundPassesAa() throws IOException {
        String css = css();
        Map<String, String> palette = palette(css);
        List<String> failures = new ArrayList<>();
        Matcher rule = RULE.matcher(css.replaceAll("/\\*.*?\\*/", ""));
        while (rule.find()) {
            Matcher color = COLOR.matcher(rule.group(2));
            Matcher background = BACKGROUND.matcher(rule.group(2));
            if (color.find() && background.find()) {
                String text = resolve(color.group(1), palette);
                String back = resolve(background.group(1), palette);
                if (text != null && back != null && ratio(text, back) < 4.5) {
                    failures.add(rule.group(1).trim() + ": " + text + " on " + back + " = "
                            + String.format("%.2f", ratio(text, back)));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String css() throws IOException {
        try (InputStream in = ColourContrastTest.class.getResourceAsStream("/static/css/cruxlog.css")) {
            assertThat(in).as("the stylesheet").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> palette(String css) {
        Map<String, String> palette = new HashMap<>();
        Matcher variable = VARIABLE.matcher(css);
        while (variable.find()) {
            palette.put(variable.group(1), variable.group(2));
        }
        palette.put("white", "#ffffff");
        return palette;
    }

    /** A literal hex colour or var(--name); null for anything else (gradients, transparent). */
    private static String resolve(String value, Map<String, String> palette) {
        String v = value.trim().toLowerCase();
        if (v.matches("#[0-9a-f]{6}")) {
            return v;
        }
        if (v.matches("#[0-9a-f]{3}")) {
            return "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        Matcher var = Pattern.compile("var\\(--([a-z-]+)\\)").matcher(v);
        if (var.matches()) {
            return palette.get(var.group(1));
        }
        return v.equals("white") || v.equals("#fff") ? "#ffffff" : null;
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
