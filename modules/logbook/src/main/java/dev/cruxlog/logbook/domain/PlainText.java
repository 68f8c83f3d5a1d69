package dev.cruxlog.logbook.domain;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * A note as Cruxlog shows and serves it: the climber's text with no markup left in it.
 *
 * <p>Notes are the climber's own words, but an export may carry anything, so every reader
 * (the API, other teams' clients) gets text that no HTML renderer can turn into markup. It is
 * computed once, when a tick is written, and stored beside the note as logged
 * ({@code notes_plain}); the as-logged note stays for the CSV export.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String of(String note) {
        if (note == null) {
            return null;
        }
        return mayHoldMarkup(note) ? cleaned(note) : note;
    }

    /**
     * Text without '<', '&', carriage returns or NUL characters comes out of the HTML cleaner
     * unchanged: it removes tags and decodes entities, and an HTML parser may rewrite CR and
     * NUL, so those go through it too. Most notes skip it; {@code PlainTextTest} proves the
     * shortcut on every cell of the shared exports.
     */
    static boolean mayHoldMarkup(String note) {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '<' || c == '&' || c == '\r' || c == '\0') {
                return true;
            }
        }
        return false;
    }

    /** The cleaner itself, without the shortcut (tests compare the two). */
    static String cleaned(String note) {
        // Output settings are per call: jsoup keeps per-document encoder state in them.
        return Parser.unescapeEntities(Jsoup.clean(note, "", Safelist.none(),
                new Document.OutputSettings().prettyPrint(false)), false);
    }
}
