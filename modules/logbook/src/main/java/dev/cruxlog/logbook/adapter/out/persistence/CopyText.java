package dev.cruxlog.logbook.adapter.out.persistence;

import java.util.List;

/**
 * PostgreSQL's COPY text format, for writing many ticks in one stream: one line per row,
 * columns separated by tabs, {@code \N} for null, and backslash escapes for the characters
 * the format itself uses. Arrays are written as array literals and then escaped like any
 * other text. (The format: PostgreSQL documentation, COPY, "Text Format".)
 */
final class CopyText {

    private final StringBuilder out;
    private boolean firstColumn = true;

    CopyText(int expectedChars) {
        this.out = new StringBuilder(expectedChars);
    }

    CopyText value(Object value) {
        separate();
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? 't' : 'f');
        } else if (value instanceof java.math.BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else {
            escape(value.toString(), out);
        }
        return this;
    }

    /** A {@code text[]} column: null and empty both become {@code {}}, as the column's default. */
    CopyText array(List<String> values) {
        separate();
        if (values == null || values.isEmpty()) {
            out.append("{}");
            return this;
        }
        StringBuilder literal = new StringBuilder();
        literal.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String element = values.get(i);
            if (element == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int c = 0; c < element.length(); c++) {
                char ch = element.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        literal.append('}');
        escape(literal, out);
        return this;
    }

    void endRow() {
        out.append('\n');
        firstColumn = true;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (!firstColumn) {
            out.append('\t');
        }
        firstColumn = false;
    }

    private static void escape(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
