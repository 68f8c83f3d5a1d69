package dev.cruxlog.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free loopback port, shared by every test in the JVM,
 * and helpers to wait for a message and follow the link in it.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-greenmail"));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** Waits (test thread only) for a message to {@code to} whose subject contains {@code subject}. */
    public static MimeMessage await(String to, String subject) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            MimeMessage[] received = server().getReceivedMessages();
            for (MimeMessage message : received) {
                if (isTo(message, to) && subjectOf(message).contains(subject)) {
                    return message;
                }
            }
            server().waitForIncomingEmail(250, received.length + 1);
        }
        throw new AssertionError("No email to " + to + " with subject containing '" + subject + "'");
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** The path and query of the first link to this app in the plain-text body, e.g. "/verify-email?token=...". */
    public static String linkIn(MimeMessage message, String pathPrefix) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s]*)").matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in:\n" + text(message));
        }
        return matcher.group(1);
    }

    public static String tokenIn(MimeMessage message, String pathPrefix) {
        String link = linkIn(message, pathPrefix);
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    text.append(text(child));
                }
                return text.toString();
            }
            return "";
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String html(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String html = html(multipart.getBodyPart(i));
                    if (!html.isEmpty()) {
                        return html;
                    }
                }
            }
            return "";
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String to) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
