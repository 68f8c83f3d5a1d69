package dev.cruxlog.coach.adapter.out.model;

import java.util.Arrays;
import java.util.function.Function;

import dev.cruxlog.coach.application.CoachUnavailable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text of one streamed chat-completions chunk ({@code choices[0].delta.content}), read
 * with Jackson's streaming parser: a token costs one pass over its chunk's bytes, not a tree of
 * nodes per chunk. A chunk that reports an {@code error} ends the answer with its message;
 * anything that is not a JSON object is not a chat-completions stream.
 */
final class ChatCompletionChunk {

    private ChatCompletionChunk() {
    }

    /** The event that ends the stream: {@code data: [DONE]}, blanks around it allowed. */
    private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

    /** Whether an event's data is the end of the stream rather than a chunk. */
    static boolean isDone(byte[] data) {
        int from = 0;
        int to = data.length;
        while (from < to && isBlank(data[from])) {
            from++;
        }
        while (to > from && isBlank(data[to - 1])) {
            to--;
        }
        return Arrays.equals(data, from, to, DONE, 0, DONE.length);
    }

    /** The chunk's text; empty for chunks that carry none (the role, the finish reason, blank data). */
    static String content(JsonMapper json, byte[] chunk) {
        if (isBlank(chunk)) {
            return "";
        }
        try (JsonParser parser = json.createParser(chunk)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAStream();
            }
            String content = "";
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("choices".equals(name) && value == JsonToken.START_ARRAY) {
                    content = firstChoice(parser);
                } else if ("error".equals(name)) {
                    throw reported(parser.readValueAsTree());
                } else {
                    parser.skipChildren();
                }
            }
            return content;
        } catch (JacksonException e) {
            throw notAStream();
        }
    }

    /** At the choices' START_ARRAY: the first choice's delta content; the others are skipped. */
    private static String firstChoice(JsonParser parser) {
        String content = "";
        boolean first = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (first && parser.currentToken() == JsonToken.START_OBJECT) {
                content = choiceContent(parser);
            } else {
                parser.skipChildren();
            }
            first = false;
        }
        return content;
    }

    /** At a choice's START_OBJECT: its delta's content when it is a string; the choice is read to its END_OBJECT. */
    private static String choiceContent(JsonParser parser) {
        return member(parser, "delta", JsonToken.START_OBJECT,
                delta -> member(delta, "content", JsonToken.VALUE_STRING, JsonParser::getString));
    }

    /**
     * At an object's START_OBJECT: what {@code read} makes of the named member when its value is
     * of the given kind (positioned on that value, and reading a structured one to its end), ""
     * otherwise; the object is read to its END_OBJECT.
     */
    private static String member(JsonParser parser, String name, JsonToken kind, Function<JsonParser, String> read) {
        String found = "";
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String current = parser.currentName();
            if (parser.nextToken() == kind && name.equals(current)) {
                found = read.apply(parser);
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private static boolean isBlank(byte[] data) {
        for (byte b : data) {
            if (!isBlank(b)) {
                return false;
            }
        }
        return true;
    }

    /** ASCII space and controls; a byte of a UTF-8 sequence (negative as a Java byte) is not blank. */
    private static boolean isBlank(byte b) {
        return (b & 0xff) <= ' ';
    }

    private static CoachUnavailable reported(JsonNode error) {
        JsonNode message = error.path("message");
        return new CoachUnavailable("The coach's model stopped with an error: "
                + (message.isString() ? message.asString() : "unknown") + ". Try again in a minute.");
    }

    static CoachUnavailable notAStream() {
        return new CoachUnavailable("The coach's model sent something that is not a chat-completions stream; "
                + "check cruxlog.coach.base-url.");
    }
}
