package dev.cruxlog.coach.adapter.out.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import dev.cruxlog.coach.application.CoachUnavailable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Chunks as OpenAI, Ollama and vLLM write them, read without a tree. */
class ChatCompletionChunkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theFirstChoicesDeltaContentWhereverItSits() {
        assertThat(content("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"Hang\"},\"logprobs\":null,\"finish_reason\":null}]}"))
                .isEqualTo("Hang");
        assertThat(content("{\"choices\":[{\"finish_reason\":null,\"delta\":{\"tool_calls\":[{\"a\":[1,{\"content\":\"no\"}]}],"
                + "\"content\":\"board \\u00e9 \\\"7a\\\"\"}},{\"delta\":{\"content\":\"second choice\"}}],"
                + "\"usage\":{\"content\":\"not this\"}}"))
                .isEqualTo("board é \"7a\"");
    }

    @Test
    void chunksWithoutTextAreEmpty() {
        assertThat(content("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}")).isEmpty();
        assertThat(content("{\"choices\":[{\"delta\":{\"content\":null},\"finish_reason\":\"stop\"}]}")).isEmpty();
        assertThat(content("{\"choices\":[]}")).isEmpty();
        assertThat(content("{\"choices\":[{\"delta\":{}}],\"usage\":{\"total_tokens\":9}}")).isEmpty();
        assertThat(content("")).as("an event with an empty data line").isEmpty();
        assertThat(content(" \t")).isEmpty();
    }

    @Test
    void onlyTheMarkerItselfEndsTheStream() {
        assertThat(ChatCompletionChunk.isDone(bytes("[DONE]"))).isTrue();
        assertThat(ChatCompletionChunk.isDone(bytes(" [DONE]\t"))).isTrue();
        assertThat(ChatCompletionChunk.isDone(bytes("\u00e9[DONE]"))).as("UTF-8 bytes are not blanks").isFalse();
        assertThat(ChatCompletionChunk.isDone(bytes("[DONE]x"))).isFalse();
        assertThat(ChatCompletionChunk.isDone(bytes("[done]"))).isFalse();
    }

    @Test
    void anErrorAnywhereInTheChunkEndsTheAnswerWithItsMessage() {
        assertThatThrownBy(() -> content("{\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"error\":{\"message\":\"quota\"}}"))
                .isInstanceOf(CoachUnavailable.class).hasMessageContaining("stopped with an error: quota");
        assertThatThrownBy(() -> content("{\"error\":\"flat\"}"))
                .isInstanceOf(CoachUnavailable.class).hasMessageContaining("stopped with an error: unknown");
    }

    @Test
    void whatIsNotAJsonObjectIsNotAStream() {
        for (String chunk : new String[] {"<html>", "[1,2]", "\"text\"", "{\"choices\":[{\"delta\":{\"content\":\"cut"}) {
            assertThatThrownBy(() -> content(chunk)).as(chunk)
                    .isInstanceOf(CoachUnavailable.class).hasMessageContaining("not a chat-completions stream");
        }
    }

    private static String content(String chunk) {
        return ChatCompletionChunk.content(JSON, bytes(chunk));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
