package dev.cruxlog.coach.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer's text as the page shows it: paragraphs, and the lists models and the insights write
 * as lines starting "- ", "* " or "1. ". Only that structure is read; every character stays text
 * (the page escapes it), so an answer cannot bring markup. coach-chat.js applies the same rules
 * to an answer that has just streamed in.
 */
public record ChatText(List<Block> blocks) {

    private static final Pattern BULLET = Pattern.compile("^\\s*[-*•]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+(.*)$");

    /** A paragraph (its lines), or a list (its items), ordered when numbered. */
    public record Block(Kind kind, List<String> lines) {

        public boolean isList() {
            return kind != Kind.PARAGRAPH;
        }

        /** A paragraph's lines as written, one line break between them. */
        public String text() {
            return String.join("\n", lines);
        }
    }

    public enum Kind { PARAGRAPH, BULLETS, NUMBERED }

    public static ChatText of(String content) {
        List<Block> blocks = new ArrayList<>();
        Kind kind = null;
        List<String> lines = new ArrayList<>();
        for (String line : (content == null ? "" : content).split("\r?\n", -1)) {
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            Kind lineKind = line.isBlank() ? null : bullet.matches() ? Kind.BULLETS : numbered.matches() ? Kind.NUMBERED
                    : Kind.PARAGRAPH;
            String text = lineKind == Kind.BULLETS ? bullet.group(1) : lineKind == Kind.NUMBERED ? numbered.group(1) : line;
            // A line that continues a list item (indented, not itself an item) belongs to it.
            if (lineKind == Kind.PARAGRAPH && kind != null && kind != Kind.PARAGRAPH && line.startsWith(" ")) {
                int last = lines.size() - 1;
                lines.set(last, lines.get(last) + " " + line.trim());
                continue;
            }
            if (lineKind != kind) {
                if (kind != null) {
                    blocks.add(new Block(kind, List.copyOf(lines)));
                }
                lines.clear();
                kind = lineKind;
            }
            if (lineKind != null) {
                lines.add(text);
            }
        }
        if (kind != null) {
            blocks.add(new Block(kind, List.copyOf(lines)));
        }
        return new ChatText(List.copyOf(blocks));
    }
}
