package dev.cruxlog.support;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Test-only: the WebTestClient of every test context gets a connection pool of its own (not
 * Reactor Netty's JVM-wide one, shared by every context's client and kept across contexts
 * closed and ports reused), a pending-acquire timeout shorter than the client's 30 s, and a
 * record of how far each open exchange got (waiting for a connection, request sent, response
 * headers in). {@link HungTestThreadDumps} prints it: a request the server never saw hung
 * somewhere on this side. Changes no outcome of a request that completes.
 */
@Component
class ClientExchanges implements WebTestClientBuilderCustomizer {

    private static final Map<String, Progress> OPEN = new ConcurrentHashMap<>();

    private record Progress(Instant started, String stage) {
    }

    static String describe() {
        StringBuilder text = new StringBuilder("Client exchanges not finished: ").append(OPEN.size()).append('\n');
        OPEN.forEach((request, progress) -> text.append("  ").append(request).append(" for ")
                .append(Duration.between(progress.started(), Instant.now()).toMillis()).append(" ms, at: ")
                .append(progress.stage()).append('\n'));
        return text.toString();
    }

    private static void stage(String request, String stage) {
        OPEN.computeIfPresent(request, (key, progress) -> new Progress(progress.started(), progress.stage() + " > " + stage));
    }

    @Override
    public void customize(WebTestClient.Builder builder) {
        ConnectionProvider pool = ConnectionProvider.builder("test-client")
                .maxConnections(64)
                .pendingAcquireTimeout(Duration.ofSeconds(20))
                .maxIdleTime(Duration.ofSeconds(10))
                .build();
        HttpClient client = HttpClient.create(pool)
                .doOnRequest((request, connection) -> stage(key(request.method().name(), request.resourceUrl()),
                        "connection " + connection.channel().localAddress() + " -> " + connection.channel().remoteAddress()))
                .doAfterRequest((request, connection) -> stage(key(request.method().name(), request.resourceUrl()), "sent"))
                .doOnResponse((response, connection) -> stage(key(response.method().name(), response.resourceUrl()),
                        "response " + response.status().code()));
        ClientHttpConnector reactor = new ReactorClientHttpConnector(client);
        builder.clientConnector(new ClientHttpConnector() {
            @Override
            public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
                                                    Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
                String request = key(method.name(), uri.toString());
                return Mono.defer(() -> {
                    OPEN.put(request, new Progress(Instant.now(), "acquiring a connection"));
                    return reactor.connect(method, uri, requestCallback);
                }).doOnError(error -> stage(request, "error " + error))
                        .doFinally(signal -> OPEN.remove(request));
            }
        });
    }

    private static String key(String method, String url) {
        return method + " " + url;
    }
}
