package dev.cruxlog.analytics.adapter.out.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.cruxlog.logbook.LogbookStatistics.RouteSend;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * First sends, the read model's largest figure (one entry per route sent, read on every
 * pyramid), as an array of positional arrays written and read with Jackson's streaming API:
 * {@code [["route key","Route","Place","2024-05-01","5.11a",110,11,"redpoint",2,1,1], ...]}.
 * The pyramid of the 10,000-tick benchmark climber spent a third of its CPU binding the same
 * list written as objects to records (property names, creators); positions, read straight
 * from the column's bytes, cost a fraction of that, and the document is 40 % smaller on the
 * wire. The order of positions is {@link RouteSend}'s components; a change to the record is a
 * change here and a new {@code ReadModelRules.VERSION}.
 */
final class RouteSendsJson {

    private final JsonMapper json;

    RouteSendsJson(JsonMapper json) {
        this.json = json;
    }

    /** The sends as the next value of a document being written. */
    void write(JsonGenerator generator, List<RouteSend> sends) {
        generator.writeStartArray();
        for (RouteSend send : sends) {
            generator.writeStartArray();
            string(generator, send.routeKey());
            string(generator, send.route());
            string(generator, send.location());
            string(generator, send.firstSent() == null ? null : send.firstSent().toString());
            string(generator, send.grade());
            generator.writeNumber(send.gradeIndex());
            generator.writeNumber(send.gradeLevel());
            string(generator, send.style());
            generator.writeNumber(send.attempts());
            generator.writeNumber(send.days());
            generator.writeNumber(send.sends());
            generator.writeEndArray();
        }
        generator.writeEndArray();
    }

    List<RouteSend> read(byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            List<RouteSend> sends = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                String routeKey = parser.nextStringValue();
                String route = parser.nextStringValue();
                String location = parser.nextStringValue();
                String firstSent = parser.nextStringValue();
                String grade = parser.nextStringValue();
                int gradeIndex = parser.nextIntValue(0);
                int gradeLevel = parser.nextIntValue(0);
                String style = parser.nextStringValue();
                int attempts = parser.nextIntValue(0);
                int days = parser.nextIntValue(0);
                int sendCount = parser.nextIntValue(0);
                expect(parser.nextToken(), JsonToken.END_ARRAY);
                sends.add(new RouteSend(routeKey, route, location, firstSent == null ? null : LocalDate.parse(firstSent), grade,
                        gradeIndex, gradeLevel, style, attempts, days, sendCount));
            }
            expect(parser.currentToken(), JsonToken.END_ARRAY);
            return sends;
        }
    }

    private static void string(JsonGenerator generator, String value) {
        if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(value);
        }
    }

    /** A document of another shape is a stored row this code did not write: say so, never guess. */
    private static void expect(JsonToken found, JsonToken wanted) {
        if (found != wanted) {
            throw new IllegalStateException("Stored first sends are not in the expected shape: " + found + " where "
                    + wanted + " belongs");
        }
    }
}
