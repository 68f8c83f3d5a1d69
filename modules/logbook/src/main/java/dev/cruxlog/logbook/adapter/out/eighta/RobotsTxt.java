package dev.cruxlog.logbook.adapter.out.eighta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a robots.txt (RFC 9309) that apply to one user agent: the group naming it, or
 * else the "*" group; the longest matching rule wins, Allow over Disallow on a tie; "*" and
 * a trailing "$" are understood.
 */
final class RobotsTxt {

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;

    private RobotsTxt(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsTxt allowAll() {
        return new RobotsTxt(List.of());
    }

    static RobotsTxt parse(String text, String agent) {
        String wanted = agent.toLowerCase(Locale.ROOT);
        List<Rule> forAgent = null;
        List<Rule> forAll = null;
        List<String> groupAgents = new ArrayList<>();
        List<Rule> groupRules = new ArrayList<>();
        boolean inRules = false;
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.add("user-agent: \u0000end");
        for (String raw : lines) {
            String line = raw.replaceAll("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (field.equals("user-agent")) {
                if (inRules) {
                    if (groupAgents.stream().anyMatch(wanted::contains) && forAgent == null) {
                        forAgent = List.copyOf(groupRules);
                    }
                    if (groupAgents.contains("*") && forAll == null) {
                        forAll = List.copyOf(groupRules);
                    }
                    groupAgents.clear();
                    groupRules.clear();
                    inRules = false;
                }
                groupAgents.add(value.toLowerCase(Locale.ROOT));
            } else if (field.equals("allow") || field.equals("disallow")) {
                inRules = true;
                if (!value.isEmpty()) {
                    groupRules.add(new Rule(field.equals("allow"), value, toPattern(value)));
                }
            }
        }
        return new RobotsTxt(forAgent != null ? forAgent : forAll != null ? forAll : List.of());
    }

    boolean allows(String path) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(path).lookingAt()) {
                if (best == null || rule.path().length() > best.path().length()
                        || rule.path().length() == best.path().length() && rule.allow()) {
                    best = rule;
                }
            }
        }
        return best == null || best.allow();
    }

    private static Pattern toPattern(String rulePath) {
        boolean anchored = rulePath.endsWith("$");
        String body = anchored ? rulePath.substring(0, rulePath.length() - 1) : rulePath;
        StringBuilder regex = new StringBuilder();
        for (String part : body.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + (anchored ? "$" : ""));
    }
}
