package catdata.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import catdata.config.InvalidConfigurationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small token issuer that looks like an Auth0 tenant to the API: its key set at
 * {@code /.well-known/jwks.json}, a discovery document, and {@code POST /oauth/token} for the
 * client-credentials grant. It listens on 127.0.0.1 only and exists only in local mode.
 */
final class LocalIssuer implements AutoCloseable {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    /**
     * Every API permission, in both places Auth0 may put them, so that local tokens also work with
     * {@code AUTH0_REQUIRED_PERMISSIONS=true}.
     */
    static final List<String> PERMISSIONS = List.of("read:catalog", "write:catalog");
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final RSAKey key;
    private final String audience;
    private final JsonMapper json;
    private final HttpServer server;
    private final String issuer;
    private final ExecutorService executor;

    LocalIssuer(RSAKey key, String audience, int port, JsonMapper json) {
        this.key = key;
        this.audience = audience;
        this.json = json;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new InvalidConfigurationException("LOCAL_ISSUER_PORT: local mode's issuer cannot listen on 127.0.0.1:"
                    + port + " (" + e.getMessage() + "); set LOCAL_ISSUER_PORT to a free port");
        }
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        server.createContext("/.well-known/jwks.json", exchange -> handle(exchange, "GET", this::jwks));
        server.createContext("/.well-known/openid-configuration", exchange -> handle(exchange, "GET", this::discovery));
        server.createContext("/oauth/token", exchange -> handle(exchange, "POST", this::token));
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-issuer");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The issuer URL, exactly as it appears in {@code iss}: use it as {@code AUTH0_DOMAIN}. */
    String issuer() {
        return issuer;
    }

    String audience() {
        return audience;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Handler {
        Response apply(HttpExchange exchange) throws IOException;
    }

    private record Response(int status, Object body) {
    }

    private void handle(HttpExchange exchange, String method, Handler handler) throws IOException {
        try (exchange) {
            Response response = exchange.getRequestMethod().equals(method)
                    ? handler.apply(exchange)
                    : new Response(405, Map.of("error", "method_not_allowed"));
            byte[] body = json.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Response jwks(HttpExchange exchange) {
        return new Response(200, new JWKSet(key.toPublicJWK()).toJSONObject(true));
    }

    private Response discovery(HttpExchange exchange) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + ".well-known/jwks.json");
        document.put("token_endpoint", issuer + "oauth/token");
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return new Response(200, document);
    }

    /** Auth0's client-credentials grant: form or JSON body, {@code audience} must be our API. */
    private Response token(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = parameters(exchange);
        if (parameters == null) {
            return new Response(400, Map.of("error", "invalid_request",
                    "error_description", "Send a form or JSON body"));
        }
        if (!"client_credentials".equals(parameters.get("grant_type"))) {
            return new Response(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "Only grant_type=client_credentials is supported"));
        }
        String requestedAudience = parameters.getOrDefault("audience", audience);
        if (!audience.equals(requestedAudience)) {
            return new Response(403, Map.of("error", "access_denied",
                    "error_description", "Service not found: " + requestedAudience));
        }
        String clientId = parameters.getOrDefault("client_id", "local");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", sign(clientId));
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return new Response(200, body);
    }

    private String sign(String clientId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId + "@clients")
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("azp", clientId)
                .claim("gty", "client-credentials")
                .claim("permissions", PERMISSIONS)
                .claim("scope", String.join(" ", PERMISSIONS))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Local issuer could not sign a token", e);
        }
        return jwt.serialize();
    }

    private Map<String, String> parameters(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readNBytes(MAX_REQUEST_BYTES);
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (contentType.startsWith("application/json")) {
            try {
                Map<String, String> values = new HashMap<>();
                json.readTree(body).properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
                return values;
            } catch (JacksonException | UnsupportedOperationException e) {
                return null;
            }
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
