package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.cruxlog.support.Climbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One HTTP/1.1 keep-alive connection, as a browser or a proxy holds it: every request on it is
 * answered, whatever came before. Reactor Netty 1.3.6 held a request that arrived while the one
 * before was still being answered, and after answering it (synchronously: a 401 that needs no
 * database) stopped reading the connection (reactor-netty #4347); the next request waited
 * forever. A page hung in the browser journey and tests timed out at 30 s in about one suite run
 * in two. Raw sockets and pipelined requests make it happen within a few hundred rounds on 1.3.6
 * (this test timed out there); every read has a timeout.
 */
@CruxlogIntegrationTest
class KeepAliveConnectionsTest {

    private static final int ROUNDS = 500;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Test
    void everyRequestOnOneKeepAliveConnectionIsAnswered() throws IOException {
        String bearer = new Climbers(http).verified("keep-alive").bearer();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int round = 0; round < ROUNDS; round++) {
                // Pipelined, as a proxy or a quick client may send them: one that reads the database
                // (the ticks page), then two answered synchronously (no token: 401). The second arrives while the
                // first is still being answered, so the server holds it and must read on after it.
                String slow = "GET /api/v1/logbook/ticks HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer + "\r\n\r\n";
                String quick = "GET /actuator/prometheus HTTP/1.1\r\nHost: localhost\r\n\r\n";
                out.write((slow + quick + quick).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(response(in)).as("round " + round).startsWith("HTTP/1.1 200");
                assertThat(response(in)).as("round " + round).startsWith("HTTP/1.1 401");
                assertThat(response(in)).as("round " + round).startsWith("HTTP/1.1 401");
            }
        }
    }

    /** Reads one response: its head, then exactly Content-Length bytes of body. */
    private static String response(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the connection stays open").isNotNegative();
            head.write(next);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        assertThat(text.toLowerCase()).as("a keep-alive response says how long it is").contains("content-length:");
        assertThat(in.readNBytes(length)).hasSize(length);
        return text;
    }
}
