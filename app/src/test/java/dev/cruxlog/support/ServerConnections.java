package dev.cruxlog.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Test-only: what the HTTP server's connections saw at the Netty level, after the HTTP codec:
 * each request decoded, each response started and finished writing. {@link HungTestThreadDumps}
 * prints the recent ones, so a request the client sent but no web filter saw shows whether the
 * server decoded it and whether the connection's previous response ever finished.
 */
@Component
class ServerConnections implements NettyServerCustomizer {

    /** What describe() prints: connections active in the last minute, the tail of each one's events. */
    private static final Duration SHOWN_FOR = Duration.ofSeconds(60);
    private static final int SHOWN_PER_CONNECTION = 1500;

    private static final Map<String, ConnectionLog> CONNECTIONS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_SWEEP_NANOS = new AtomicLong(System.nanoTime());

    /** One connection's events, only their printed tail kept: a keep-alive connection may carry a whole run's requests. */
    private static final class ConnectionLog {
        private final StringBuilder events = new StringBuilder();
        private Instant lastActive = Instant.now();

        synchronized void add(Instant at, String event) {
            lastActive = at;
            events.append(" | ").append(at.toString().substring(11, 23)).append(' ').append(event);
            if (events.length() > 2 * SHOWN_PER_CONNECTION) {
                events.delete(0, events.length() - SHOWN_PER_CONNECTION);
            }
        }

        synchronized Instant lastActive() {
            return lastActive;
        }

        synchronized String tail() {
            return events.length() > SHOWN_PER_CONNECTION
                    ? "..." + events.substring(events.length() - SHOWN_PER_CONNECTION) : events.toString();
        }
    }

    static String describe() {
        StringBuilder text = new StringBuilder("Server connections active in the last 60 s:\n");
        Instant since = Instant.now().minus(SHOWN_FOR);
        CONNECTIONS.forEach((channel, log) -> {
            if (log.lastActive().isAfter(since)) {
                text.append("  ").append(channel).append(": ").append(log.tail()).append('\n');
            }
        });
        return text.toString();
    }

    private static void note(ChannelHandlerContext context, String event) {
        String channel = context.channel().remoteAddress() + " (" + context.channel().id().asShortText() + ")";
        Instant now = Instant.now();
        CONNECTIONS.computeIfAbsent(channel, key -> new ConnectionLog()).add(now, event);
        forgetIdleConnectionsNowAndThen(now);
    }

    /** Every ten seconds at most, connections idle for longer than describe() looks back are dropped. */
    private static void forgetIdleConnectionsNowAndThen(Instant now) {
        long due = NEXT_SWEEP_NANOS.get();
        if (System.nanoTime() - due < 0 || !NEXT_SWEEP_NANOS.compareAndSet(due, System.nanoTime() + 10_000_000_000L)) {
            return;
        }
        Instant idleSince = now.minus(SHOWN_FOR);
        CONNECTIONS.values().removeIf(log -> log.lastActive().isBefore(idleSince));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            ChannelDuplexHandler probe = new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
                    if (message instanceof HttpRequest request) {
                        note(context, "decoded " + request.method() + " " + request.uri());
                    }
                    if (message instanceof LastHttpContent) {
                        note(context, "request body end");
                    }
                    super.channelRead(context, message);
                }

                @Override
                public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
                    if (message instanceof HttpResponse response) {
                        note(context, "response " + response.status().code() + " headers");
                    }
                    if (message instanceof LastHttpContent) {
                        note(context, "response end queued");
                        promise = promise.unvoid();
                        promise.addListener(done -> note(context, "response end written=" + done.isSuccess()));
                    }
                    super.write(context, message, promise);
                }

                @Override
                public void channelInactive(ChannelHandlerContext context) throws Exception {
                    note(context, "closed");
                    super.channelInactive(context);
                }
            };
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "cruxlog.test.probe", probe);
            } else {
                channel.pipeline().addFirst("cruxlog.test.probe", probe);
            }
        });
    }
}
