package catdata.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request to the local issuer, read and answered: its query and body parameters (a form or a
 * JSON object, as Auth0 takes both), its cookies, and an answer as JSON, an HTML page or a
 * redirect. Every answer is {@code no-store}: tokens, codes and sign-in pages must not be cached.
 */
final class IssuerExchange {

    /** Far more than any request of the protocol needs; the rest is not read. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final HttpExchange exchange;
    private final JsonMapper json;

    IssuerExchange(HttpExchange exchange, JsonMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** The query's parameters; a parameter given twice is refused by the caller, as OAuth asks. */
    Parameters query() {
        return Parameters.ofForm(exchange.getRequestURI().getRawQuery());
    }

    /**
     * The body's parameters: a form, or a JSON object whose values are strings; empty if the body
     * is neither (or too large).
     */
    Optional<Parameters> body() throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (raw.length > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        if (header("Content-Type").orElse("").startsWith("application/json")) {
            try {
                JsonNode tree = json.readTree(body);
                if (!tree.isObject()) {
                    return Optional.empty();
                }
                Map<String, List<String>> values = new HashMap<>();
                for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                    if (!entry.getValue().isString()) {
                        return Optional.empty();
                    }
                    values.put(entry.getKey(), List.of(entry.getValue().asString()));
                }
                return Optional.of(new Parameters(values));
            } catch (JacksonException e) {
                return Optional.empty();
            }
        }
        return Optional.of(Parameters.ofForm(body));
    }

    Optional<String> cookie(String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    return Optional.of(pair.substring(equals + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    void addHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    void sendJson(int status, Object body) throws IOException {
        send(status, "application/json", json.writeValueAsBytes(body));
    }

    void sendHtml(int status, String page) throws IOException {
        // Pages of ours load nothing and are framed only where web_message needs it (its own header).
        if (!exchange.getResponseHeaders().containsKey("Content-Security-Policy")) {
            addHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                    + "frame-ancestors 'none'");
        }
        addHeader("X-Content-Type-Options", "nosniff");
        send(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    void redirect(URI location) throws IOException {
        addHeader("Location", location.toString());
        send(302, null, new byte[0]);
    }

    void sendEmpty(int status) throws IOException {
        send(status, null, new byte[0]);
    }

    private void send(int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Request parameters by name, each with every value it was given. */
    record Parameters(Map<String, List<String>> values) {

        static Parameters ofForm(String raw) {
            Map<String, List<String>> values = new HashMap<>();
            if (raw != null && !raw.isEmpty()) {
                for (String pair : raw.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                }
            }
            return new Parameters(values);
        }

        private static String decode(String value) {
            try {
                return URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // A malformed escape: kept as it came, so it matches nothing it should not.
                return value;
            }
        }

        /** The one value of {@code name}, or empty when missing or blank. */
        Optional<String> get(String name) {
            List<String> given = values.getOrDefault(name, List.of());
            return given.isEmpty() || given.get(0).isBlank() ? Optional.empty() : Optional.of(given.get(0));
        }

        /** A name given more than once: OAuth 2.0 (RFC 6749 §3.1) refuses such a request. */
        Optional<String> repeated() {
            return values.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(Map.Entry::getKey)
                    .findFirst();
        }
    }
}
