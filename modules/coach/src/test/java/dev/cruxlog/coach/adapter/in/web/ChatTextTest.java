package dev.cruxlog.coach.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.cruxlog.coach.adapter.in.web.ChatText.Block;
import dev.cruxlog.coach.adapter.in.web.ChatText.Kind;
import org.junit.jupiter.api.Test;

class ChatTextTest {

    @Test
    void linesStartingWithADashOrANumberBecomeListsAndTheRestParagraphs() {
        ChatText text = ChatText.of("""
                Insights from your logbook:
                - Your sport pyramid tops out at 5.12a.
                - You climbed 14 days
                  in the last three months.
                * Base: 8 sends at 5.11a.

                Next steps:
                1. Two more 5.11d sends.
                2) Rest days between hard ones.
                That is all.""");

        assertThat(text.blocks()).containsExactly(
                new Block(Kind.PARAGRAPH, List.of("Insights from your logbook:")),
                new Block(Kind.BULLETS, List.of("Your sport pyramid tops out at 5.12a.",
                        "You climbed 14 days in the last three months.", "Base: 8 sends at 5.11a.")),
                new Block(Kind.PARAGRAPH, List.of("Next steps:")),
                new Block(Kind.NUMBERED, List.of("Two more 5.11d sends.", "Rest days between hard ones.")),
                new Block(Kind.PARAGRAPH, List.of("That is all.")));
    }

    @Test
    void markupStaysTextAndEmptyOrOddInputGivesNoBlockOrOneParagraph() {
        assertThat(ChatText.of("- <script>alert(1)</script>").blocks())
                .containsExactly(new Block(Kind.BULLETS, List.of("<script>alert(1)</script>")));
        assertThat(ChatText.of("").blocks()).isEmpty();
        assertThat(ChatText.of(null).blocks()).isEmpty();
        assertThat(ChatText.of("\n\n   \n").blocks()).isEmpty();
        assertThat(ChatText.of("-not a list\n5.12a is hard").blocks())
                .containsExactly(new Block(Kind.PARAGRAPH, List.of("-not a list", "5.12a is hard")));
        assertThat(ChatText.of("first\nsecond").blocks().get(0).text()).isEqualTo("first\nsecond");
    }
}
