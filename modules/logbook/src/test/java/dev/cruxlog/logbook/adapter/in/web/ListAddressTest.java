package dev.cruxlog.logbook.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListAddressTest {

    @Test
    void theListAsTheClimberLeftItFiltersSortAndPage() {
        TickFilters filters = new TickFilters("sport", null, null, "5.10a", null, "true", "Red River", null, "grade", null, null);

        assertThat(ListAddress.of(filters, null))
                .isEqualTo("/logbook?discipline=sport&minGrade=5.10a&send=true&q=Red+River&sort=grade");
        assertThat(ListAddress.of(filters, "abc=="))
                .isEqualTo("/logbook?cursor=abc%3D%3D&discipline=sport&minGrade=5.10a&send=true&q=Red+River&sort=grade");
        assertThat(ListAddress.of(new TickFilters(null, null, null, null, null, null, null, null, null, null, null), null))
                .isEqualTo("/logbook");
        String back = ListAddress.of(filters, "abc==");
        assertThat(ListAddress.safe(back)).isEqualTo(back);
        assertThat(ListAddress.with(back, "done=saved")).isEqualTo(back + "&done=saved");
        assertThat(ListAddress.with("/logbook", "done=saved")).isEqualTo("/logbook?done=saved");
    }

    @Test
    void anythingButTheListsOwnAddressLeadsToItsFirstPage() {
        for (String hostile : new String[] {null, "", "https://evil.example/logbook", "//evil.example", "/logbook/../account",
                "/logbookx", "/logbook?q=<script>", "/logbook?q=a b", "/logbook#x", "/account", "\\logbook",
                "/logbook?" + "a".repeat(1_001), "/logbook\r\nSet-Cookie: x=1"}) {
            assertThat(ListAddress.safe(hostile)).as(String.valueOf(hostile)).isEqualTo("/logbook");
        }
        assertThat(ListAddress.with("https://evil.example", "done=deleted")).isEqualTo("/logbook?done=deleted");
    }
}
