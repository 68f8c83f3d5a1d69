package dev.cruxlog.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Issue #15, point 3: X-Forwarded-For names the client only when a trusted proxy passed it on. */
class ClientAddressesTest {

    private final ClientAddresses behindLocalProxy = new ClientAddresses(List.of("127.0.0.0/8", "::1/128", "10.1.0.0/16"));
    private final ClientAddresses exposed = new ClientAddresses(List.of());

    @Test
    void aClientTalkingDirectlyCannotChooseItsAddress() {
        // Rotating the header used to give every sign-in guess a fresh address.
        assertThat(exposed.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(behindLocalProxy.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertThat(behindLocalProxy.of(from("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        // A client's own forged entries sit left of what the proxies appended: never reached.
        assertThat(behindLocalProxy.of(from("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3"))).isEqualTo("198.51.100.1");
        assertThat(behindLocalProxy.of(from("127.0.0.1", "2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        // No header, or garbage where an address should be: the proxy itself, never a lookup.
        assertThat(behindLocalProxy.of(from("127.0.0.1", null))).isEqualTo("127.0.0.1");
        assertThat(behindLocalProxy.of(from("127.0.0.1", "evil.example"))).isEqualTo("127.0.0.1");
    }

    @Test
    void blocksAreCheckedWhenTheApplicationStarts() {
        assertThat(new ClientAddresses.Cidr(new byte[] {10, 1, 0, 0}, 16).contains(ClientAddresses.literal("10.1.255.1"))).isTrue();
        assertThat(new ClientAddresses.Cidr(new byte[] {10, 1, 0, 0}, 16).contains(ClientAddresses.literal("10.2.0.1"))).isFalse();
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).hasMessageContaining("not an IP address block");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
    }

    private static MockServerWebExchange from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/v1/auth/token")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request.build());
    }
}
