package catdata.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import catdata.config.InvalidConfigurationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small issuer that looks like an Auth0 tenant to the API and to a browser front end built on an
 * Auth0 SDK: sign-in by name at {@code /authorize} (authorization code with PKCE), tokens at
 * {@code /oauth/token} (that grant, refresh tokens with rotation, and client credentials for
 * {@code curl}), {@code /userinfo}, {@code /v2/logout}, its key set and a discovery document.
 * It listens on 127.0.0.1 only and exists only in local mode; it keeps its sessions, codes and
 * refresh tokens in memory, so a restart signs everyone out.
 */
final class LocalIssuer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalIssuer.class);

    private final String audience;
    private final JsonMapper json;
    private final HttpServer server;
    private final String issuer;
    private final ExecutorService executor;
    private final AllowedOrigins origins;
    private final Sessions sessions = new Sessions();
    private final LocalTokens tokens;

    LocalIssuer(RSAKey key, String audience, int port, List<String> allowedOrigins, JsonMapper json) {
        this(key, audience, port, allowedOrigins, json, new AuthorizationCodes());
    }

    /** With the codes given: the tests' short-lived ones. */
    LocalIssuer(RSAKey key, String audience, int port, List<String> allowedOrigins, JsonMapper json,
            AuthorizationCodes codes) {
        this.audience = audience;
        this.json = json;
        this.origins = new AllowedOrigins(allowedOrigins);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new InvalidConfigurationException("LOCAL_ISSUER_PORT: local mode's issuer cannot listen on 127.0.0.1:"
                    + port + " (" + e.getMessage() + "); set LOCAL_ISSUER_PORT to a free port");
        }
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        this.tokens = new LocalTokens(key, issuer);
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(origins, sessions, codes, audience, json);
        TokenEndpoint token = new TokenEndpoint(tokens, codes, new RefreshTokens(), audience);
        route("/.well-known/jwks.json", exchange -> only("GET", exchange,
                () -> exchange.sendJson(200, new JWKSet(key.toPublicJWK()).toJSONObject(true))));
        route("/.well-known/openid-configuration", exchange -> only("GET", exchange,
                () -> exchange.sendJson(200, discovery())));
        route("/authorize", authorize::handle);
        route("/oauth/token", exchange -> withCors(exchange, "POST", () -> {
            TokenEndpoint.Answer answer = token.token(exchange.body());
            exchange.sendJson(answer.status(), answer.body());
        }));
        route("/userinfo", exchange -> withCors(exchange, "GET", () -> userinfo(exchange)));
        route("/v2/logout", exchange -> only("GET", exchange, () -> logout(exchange)));
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

    private interface Route {
        void handle(IssuerExchange exchange) throws IOException;
    }

    private interface Action {
        void run() throws IOException;
    }

    private void route(String path, Route route) {
        server.createContext(path, raw -> {
            try (raw) {
                // createContext matches by prefix: /authorize/x is not /authorize.
                if (!raw.getRequestURI().getPath().equals(path)) {
                    raw.sendResponseHeaders(404, -1);
                    return;
                }
                route.handle(new IssuerExchange(raw, json));
            } catch (IOException | RuntimeException e) {
                log.warn("Local issuer could not answer {} {}: {}", raw.getRequestMethod(), path, e.toString());
                throw e;
            }
        });
    }

    private static void only(String method, IssuerExchange exchange, Action action) throws IOException {
        if (!exchange.method().equals(method)) {
            exchange.addHeader("Allow", method);
            exchange.sendJson(405, Map.of("error", "method_not_allowed"));
            return;
        }
        action.run();
    }

    /**
     * For the calls a front end makes from its own origin: CORS for allowed origins, preflights
     * answered. A request from any other origin is answered without CORS headers, which its
     * browser then keeps from the page.
     */
    private void withCors(IssuerExchange exchange, String method, Action action) throws IOException {
        Optional<String> origin = exchange.header("Origin").filter(origins::allows);
        origin.ifPresent(allowed -> {
            exchange.addHeader("Access-Control-Allow-Origin", allowed);
            exchange.addHeader("Vary", "Origin");
        });
        if (exchange.method().equals("OPTIONS")) {
            if (origin.isPresent()) {
                exchange.addHeader("Access-Control-Allow-Methods", method);
                exchange.addHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Auth0-Client");
                exchange.addHeader("Access-Control-Max-Age", "600");
            }
            exchange.sendEmpty(204);
            return;
        }
        only(method, exchange, action);
    }

    private void userinfo(IssuerExchange exchange) throws IOException {
        Optional<LocalUser> user = exchange.header("Authorization").filter(value -> value.startsWith("Bearer "))
                .flatMap(value -> tokens.userinfoSubject(value.substring("Bearer ".length()).strip()))
                .filter(subject -> subject.startsWith("local|"))
                .flatMap(subject -> LocalUser.named(subject.substring("local|".length())));
        if (user.isEmpty()) {
            exchange.addHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            exchange.sendJson(401, Map.of("error", "invalid_token", "error_description", "A valid access token for "
                    + "/userinfo is required"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", user.get().subject());
        body.put("name", user.get().name());
        body.put("nickname", user.get().name());
        body.put("email", user.get().email());
        body.put("email_verified", false);
        exchange.sendJson(200, body);
    }

    /** Ends the session, then goes back to {@code returnTo} if it is on an allowed origin. */
    private void logout(IssuerExchange exchange) throws IOException {
        IssuerExchange.Parameters query = exchange.query();
        Optional<String> returnTo = query.get("returnTo");
        Optional<URI> target = returnTo.flatMap(origins::redirectTarget);
        if (returnTo.isPresent() && target.isEmpty()) {
            // Refused before anything changes: a link elsewhere must not sign anyone out either.
            exchange.sendHtml(400, IssuerPages.error("Invalid logout request",
                    "The returnTo address is not on an origin in CORS_ORIGINS; local mode redirects only there."));
            return;
        }
        sessions.end(exchange.cookie(Sessions.COOKIE));
        exchange.addHeader("Set-Cookie", Sessions.expiredCookie());
        if (target.isPresent()) {
            exchange.redirect(target.get());
        } else {
            exchange.sendHtml(200, IssuerPages.signedOut());
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "authorize");
        document.put("token_endpoint", issuer + "oauth/token");
        document.put("userinfo_endpoint", issuer + "userinfo");
        document.put("end_session_endpoint", issuer + "v2/logout");
        document.put("jwks_uri", issuer + ".well-known/jwks.json");
        document.put("response_types_supported", List.of("code"));
        document.put("response_modes_supported", List.of("query", "fragment", "web_message"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name",
                "nickname", "email", "email_verified"));
        return document;
    }
}
