package dev.cruxlog.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * The proxy the outage tests cut must really cut: a connection made while or just after it is cut
 * never reaches the target. A target that never writes makes a leaked connection visible as a
 * read that waits instead of ending.
 */
class TcpProxyTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void bytesGoThroughAndAConnectionMadeAfterACutIsRefusedOrEndedInEveryRound() throws IOException {
        List<Socket> reachedTarget = new CopyOnWriteArrayList<>();
        try (ServerSocket target = new ServerSocket(0, 50, LOOPBACK);
             TcpProxy proxy = new TcpProxy(LOOPBACK.getHostAddress(), target.getLocalPort())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!target.isClosed()) {
                        reachedTarget.add(target.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "tcp-proxy-test-target");
            acceptor.setDaemon(true);
            acceptor.start();

            try (Socket through = new Socket(LOOPBACK, proxy.port())) {
                through.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                try (Socket atTarget = awaitFirst(reachedTarget)) {
                    atTarget.setSoTimeout(5_000);
                    assertThat(new String(atTarget.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("ping");
                }
            }

            for (int round = 0; round < 100; round++) {
                proxy.restore();
                proxy.cut();
                try (Socket late = new Socket()) {
                    try {
                        late.connect(new InetSocketAddress(LOOPBACK, proxy.port()), 2_000);
                    } catch (IOException refused) {
                        continue;
                    }
                    late.setSoTimeout(5_000);
                    try (InputStream in = late.getInputStream()) {
                        assertThat(in.read()).as("round %d: the proxy ends a connection it took after the cut", round).isEqualTo(-1);
                    } catch (SocketTimeoutException leaked) {
                        fail("round " + round + ": a connection made after the cut was kept open (it reached the target)");
                    } catch (SocketException reset) {
                        // ended by a reset: cut as well
                    }
                }
            }
        } finally {
            reachedTarget.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing what the target accepted
                }
            });
        }
    }

    /** The first socket the target accepted; the proxy connects upstream before it pumps a byte. */
    private static Socket awaitFirst(List<Socket> accepted) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (accepted.isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("the proxy never connected to the target");
            }
            Thread.onSpinWait();
        }
        return accepted.get(0);
    }
}
