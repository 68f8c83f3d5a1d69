package dev.cruxlog.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the database is, parsed once from {@code DATABASE_URL}.
 *
 * <p>Accepts the form every hosting platform hands out
 * ({@code postgresql://user:pass@host:port/db?sslmode=require}, also {@code postgres://}),
 * the R2DBC forms ({@code r2dbc:postgresql://...}, {@code r2dbc:pool:postgresql://...})
 * and a JDBC URL ({@code jdbc:postgresql://...}), so an operator never has to keep two
 * URLs in sync: the R2DBC pool and the Flyway migrations are both derived from this.
 *
 * @param host     server host name or address
 * @param port     server port (5432 when the URL names none)
 * @param database database name
 * @param username user name, may be empty (the server then decides)
 * @param password password, may be empty
 * @param params   remaining query parameters, e.g. {@code sslmode}
 */
public record DatabaseUrl(String host, int port, String database, String username, String password,
                          Map<String, String> params) {

    public static final int DEFAULT_PORT = 5432;

    public DatabaseUrl {
        params = Map.copyOf(params);
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String trimmed = url.trim();
        String rest = stripScheme(trimmed);
        URI uri;
        try {
            uri = URI.create("postgresql://" + rest);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + redact(trimmed), e);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL names no host: " + redact(trimmed));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL names no database: " + redact(trimmed));
        }
        String user = "";
        String pass = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            pass = parts.length > 1 ? decode(parts[1]) : "";
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        // JDBC URLs carry credentials as parameters rather than in the authority.
        if (user.isEmpty() && params.containsKey("user")) {
            user = params.remove("user");
        }
        if (pass.isEmpty() && params.containsKey("password")) {
            pass = params.remove("password");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
        return new DatabaseUrl(uri.getHost(), port, decode(path), user, pass, params);
    }

    private static String stripScheme(String url) {
        for (String scheme : new String[] {"r2dbc:pool:postgresql://", "r2dbc:postgresql://", "jdbc:postgresql://",
                "postgresql://", "postgres://"}) {
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return url.substring(scheme.length());
            }
        }
        throw new IllegalArgumentException("DATABASE_URL must start with postgresql://, postgres://, "
                + "r2dbc:postgresql:// or jdbc:postgresql:// but was: " + redact(url));
    }

    /** The URL Flyway uses; credentials are handed to it separately, never in the URL. */
    public String jdbcUrl() {
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    /** The same URL with a database name swapped in: tests create a fresh database per run. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, username, password, params);
    }

    /** A {@code postgresql://} form that round-trips through {@link #parse(String)}. */
    public String toUrlString() {
        String auth = username.isEmpty() ? "" : encode(username) + (password.isEmpty() ? "" : ":" + encode(password)) + "@";
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "postgresql://" + auth + host + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    /** Safe to log: never shows the password. */
    @Override
    public String toString() {
        return "postgresql://" + (username.isEmpty() ? "" : username + (password.isEmpty() ? "" : ":***") + "@")
                + host + ":" + port + "/" + database;
    }

    static String redact(String url) {
        return url.replaceAll("(//[^:/@]*:)[^@]*@", "$1***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
