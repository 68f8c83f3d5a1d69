package dev.cruxlog.notifications.adapter.out.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.cruxlog.notifications.application.RenderedEmail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** A real SMTP peer on loopback (GreenMail): what the transport sends, and how Jakarta Mail finds its streams. */
class SmtpMailTransportTest {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private String operatorsChoice;

    @BeforeEach
    void start() {
        smtp.start();
        operatorsChoice = System.clearProperty(SmtpMailTransport.STREAM_PROVIDER_PROPERTY);
    }

    @AfterEach
    void stop() {
        smtp.stop();
        if (operatorsChoice == null) {
            System.clearProperty(SmtpMailTransport.STREAM_PROVIDER_PROPERTY);
        } else {
            System.setProperty(SmtpMailTransport.STREAM_PROVIDER_PROPERTY, operatorsChoice);
        }
    }

    @Test
    void aMessageWithTextAndHtmlArrivesWholeAndJakartaMailIsToldWhichStreamProviderToUse() throws Exception {
        SmtpMailTransport transport = new SmtpMailTransport(sender(), "Cruxlog <hello@cruxlog.example>", Schedulers.boundedElastic());
        // Named, so no multipart walks the class path for it; and the name is the provider Angus ships.
        assertThat(System.getProperty(SmtpMailTransport.STREAM_PROVIDER_PROPERTY)).isEqualTo(SmtpMailTransport.ANGUS_STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(SmtpMailTransport.ANGUS_STREAM_PROVIDER);

        StepVerifier.create(transport.send(new RenderedEmail("climber@example.test", "Confirm your email",
                "<p>Hello <b>climber</b></p>", "Hello climber"))).verifyComplete();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Confirm your email");
        String body = GreenMailUtil.getBody(received);
        assertThat(body).contains("Hello climber").contains("<b>climber</b>");
    }

    @Test
    void aStreamProviderTheOperatorNamedIsKept() {
        System.setProperty(SmtpMailTransport.STREAM_PROVIDER_PROPERTY, "com.example.TheirStreamProvider");
        new SmtpMailTransport(sender(), "hello@cruxlog.example", Schedulers.boundedElastic());
        assertThat(System.getProperty(SmtpMailTransport.STREAM_PROVIDER_PROPERTY)).isEqualTo("com.example.TheirStreamProvider");
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }
}
