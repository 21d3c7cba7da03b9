package catdata.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OIDC issuer for tests, over HTTP on 127.0.0.1: a discovery document and a JWKS whose
 * requests are counted, keys that can be rotated, and a server that can be stopped and restarted
 * on the same port to play an outage. Tokens come from {@link #token()}.
 *
 * <p>Written for the tests rather than taken from mock-oauth2-server because these tests need
 * what it does not offer: arbitrary headers and claims signed with the published key, rotation,
 * and a JWKS endpoint that goes away.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "https://api.catdata.test";

    private final List<RSAKey> publishedKeys = new CopyOnWriteArrayList<>();
    private final List<Instant> jwksRequests = new CopyOnWriteArrayList<>();
    private volatile int jwksDelayMillis;
    private HttpServer server;
    private int port;

    public TestIssuer() {
        publishedKeys.add(newKey());
        start(0);
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer URL, exactly as tokens carry it in {@code iss}. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/catdata";
    }

    /**
     * The same issuer seen as an Auth0 tenant: use it as {@code AUTH0_DOMAIN}; tokens must then
     * carry this URL, with its trailing slash, in {@code iss}. Its keys are served at
     * {@code /.well-known/jwks.json}, as Auth0 serves them.
     */
    public String auth0Issuer() {
        return "http://127.0.0.1:" + port + "/";
    }

    public String jwksUrl() {
        return issuer() + "/jwks";
    }

    public RSAKey currentKey() {
        return publishedKeys.get(publishedKeys.size() - 1);
    }

    /** Publishes a new signing key beside the old ones, as providers do when rotating. */
    public RSAKey rotate() {
        RSAKey key = newKey();
        publishedKeys.add(key);
        return key;
    }

    public int jwksRequests() {
        return jwksRequests.size();
    }

    /** When each key-set request arrived, at either address. */
    public List<Instant> jwksRequestTimes() {
        return List.copyOf(jwksRequests);
    }

    public void delayJwks(int millis) {
        this.jwksDelayMillis = millis;
    }

    public TokenBuilder token() {
        return new TokenBuilder(issuer(), AUDIENCE, currentKey());
    }

    public synchronized void stop() {
        server.stop(0);
    }

    /** Starts again on the same port, after {@link #stop()}. */
    public synchronized void restart() {
        start(port);
    }

    @Override
    public void close() {
        stop();
    }

    private void start(int requestedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/catdata/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUrl() + "\"}"));
        server.createContext("/catdata/jwks", this::serveKeys);
        server.createContext("/.well-known/jwks.json", this::serveKeys);
        server.start();
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        jwksRequests.add(Instant.now());
        pause(jwksDelayMillis);
        List<JWK> keys = new ArrayList<>();
        publishedKeys.forEach(key -> keys.add(key.toPublicJWK()));
        respond(exchange, new JWKSet(keys).toString());
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause(int millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
