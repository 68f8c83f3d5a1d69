package dev.cruxlog.identity.adapter.in.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/** The caller's address, for throttling and the session list. Behind a proxy, enable forwarded headers. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
