package dev.cruxlog.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final Map<String, StringBuilder> CONNECTIONS = new ConcurrentHashMap<>();
    private static final Map<String, Instant> LAST_ACTIVE = new ConcurrentHashMap<>();

    private static final Duration SHOWN_FOR = Duration.ofSeconds(60);
    private static final int SHOWN_PER_CONNECTION = 1500;

    static String describe() {
        StringBuilder text = new StringBuilder("Server connections active in the last 60 s:\n");
        Instant since = Instant.now().minus(SHOWN_FOR);
        LAST_ACTIVE.forEach((channel, last) -> {
            if (last.isAfter(since)) {
                String events = recent(CONNECTIONS.get(channel));
                text.append("  ").append(channel).append(": ")
                        .append(events.length() > SHOWN_PER_CONNECTION ? "..." + events.substring(events.length() - SHOWN_PER_CONNECTION) : events).append('\n');
            }
        });
        return text.toString();
    }

    private static String recent(StringBuilder events) {
        if (events == null) {
            return "";
        }
        synchronized (events) {
            return events.toString();
        }
    }

    private static void note(ChannelHandlerContext context, String event) {
        String channel = context.channel().remoteAddress() + " (" + context.channel().id().asShortText() + ")";
        Instant now = Instant.now();
        LAST_ACTIVE.put(channel, now);
        StringBuilder events = CONNECTIONS.computeIfAbsent(channel, key -> new StringBuilder());
        synchronized (events) {
            events.append(" | ").append(now.toString().substring(11, 23)).append(' ').append(event);
            // Only the tail is ever printed: a keep-alive connection of the whole suite's run
            // would otherwise hold every request it carried.
            if (events.length() > 2 * SHOWN_PER_CONNECTION) {
                events.delete(0, events.length() - SHOWN_PER_CONNECTION);
            }
        }
        if (CONNECTIONS.size() > 512) {
            forgetConnectionsIdleSince(now.minus(SHOWN_FOR));
        }
    }

    private static void forgetConnectionsIdleSince(Instant since) {
        LAST_ACTIVE.forEach((channel, last) -> {
            if (last.isBefore(since)) {
                LAST_ACTIVE.remove(channel, last);
                CONNECTIONS.remove(channel);
            }
        });
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
