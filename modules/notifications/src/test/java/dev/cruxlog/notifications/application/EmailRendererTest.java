package dev.cruxlog.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.cruxlog.notifications.Email;
import dev.cruxlog.notifications.EmailTemplate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer();

    @ParameterizedTest
    @EnumSource(EmailTemplate.class)
    void everyTemplateRendersBothBodiesWithTheRecipientsName(EmailTemplate template) {
        RenderedEmail email = renderer.render(new Email("sam@example.test", template, "Sam", "https://cruxlog.test/x?token=abc",
                UUID.randomUUID()));
        assertThat(email.subject()).isEqualTo(template.subject());
        assertThat(email.text()).contains("Hi Sam,").doesNotContain("<p>");
        assertThat(Jsoup.parse(email.html()).text()).contains("Hi Sam,");
        assertThat(Jsoup.parse(email.html()).title()).isNotBlank();
    }

    @Test
    void htmlIsEscapedButTextIsNot() {
        RenderedEmail email = renderer.render(new Email("x@example.test", EmailTemplate.VERIFY_EMAIL, "Tom & <Jerry>",
                "https://cruxlog.test/verify-email?token=a&b", null));
        assertThat(email.html()).contains("Tom &amp; &lt;Jerry&gt;").doesNotContain("<Jerry>");
        assertThat(email.text()).contains("Hi Tom & <Jerry>,").contains("https://cruxlog.test/verify-email?token=a&b");
    }
}
