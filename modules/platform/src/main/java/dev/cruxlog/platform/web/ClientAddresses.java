package dev.cruxlog.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, for throttles and session lists: the socket's peer, unless that peer is a
 * proxy named in {@code cruxlog.web.trusted-proxies} ({@code TRUSTED_PROXIES}, CIDR blocks);
 * then the nearest {@code X-Forwarded-For} entry that is not itself a trusted proxy.
 *
 * <p>Why not Spring Boot's {@code forward-headers-strategy}: Reactor Netty's "native" handling
 * (and Spring's transformer) believe {@code X-Forwarded-For} from anyone, so rotating the
 * header gave every guess a fresh address and bypassed the per-address sign-in limit
 * (issue #15). Entries are read right to left, the order proxies append them, and only IP
 * literals count: a name would need a DNS lookup, which has no place on an event loop.
 */
@Component
public class ClientAddresses {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    private final List<Cidr> trustedProxies;

    public ClientAddresses(@Value("${cruxlog.web.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(block -> !block.isEmpty())
                .map(Cidr::parse).toList();
    }

    public String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return remote == null ? "unknown" : remote.getHostString();
        }
        InetAddress peer = remote.getAddress();
        if (!trusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : exchange.getRequest().getHeaders().getOrEmpty(FORWARDED_FOR)) {
            forwarded.addAll(Arrays.asList(header.split(",")));
        }
        InetAddress client = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(forwarded.get(i).trim());
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    /** An IP literal, or null for anything else (names, ports, garbage): never a DNS lookup. */
    static InetAddress literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text.startsWith("[") ? text.substring(1, text.length() - 1) : text);
        } catch (UnknownHostException | StringIndexOutOfBoundsException notALiteral) {
            return null;
        }
    }

    /** An address block such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is one host. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String block) {
            int slash = block.indexOf('/');
            InetAddress address = literal(slash < 0 ? block : block.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("cruxlog.web.trusted-proxies: '" + block + "' is not an IP address block");
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(block.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("cruxlog.web.trusted-proxies: '" + block + "' has no such prefix length");
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (bytes[whole] & mask) == (network[whole] & mask);
        }
    }
}
