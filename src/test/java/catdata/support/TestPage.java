package catdata.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A single-page front end for browser tests, served on 127.0.0.1 (the same site as the local
 * issuer, so its SameSite=Lax session cookie goes along in a silent renewal's iframe):
 * {@code src/test/resources/spa/index.html} at {@code /} and {@code /callback}, with the settings
 * given to {@link #configure} in place of its {@code CONFIG_PLACEHOLDER}, and the auth0-spa-js
 * bundle at {@code /auth0-spa-js.production.js}.
 */
public final class TestPage implements AutoCloseable {

    private static final String CONFIG_PLACEHOLDER = "/*CONFIG*/null";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private volatile Path bundle;
    private volatile String config = "null";

    private TestPage(HttpServer server) {
        this.server = server;
    }

    public static TestPage start() {
        try {
            TestPage page = new TestPage(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0));
            page.server.createContext("/", page::answer);
            page.server.setExecutor(page.executor);
            page.server.start();
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, as the browser sends it in {@code Origin}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the page is to use: the bundle, and the settings it reads as {@code CONFIG}. */
    public void configure(Path bundle, Map<String, String> settings) {
        this.bundle = bundle;
        this.config = JSON.writeValueAsString(settings).replace("<", "\\u003c");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/") || path.equals("/callback")) {
                send(exchange, "text/html; charset=utf-8", page().replace(CONFIG_PLACEHOLDER, config)
                        .getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/auth0-spa-js.production.js") && bundle != null) {
                send(exchange, "text/javascript; charset=utf-8", Files.readAllBytes(bundle));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static String page() throws IOException {
        try (InputStream in = TestPage.class.getResourceAsStream("/spa/index.html")) {
            if (in == null) {
                throw new IOException("spa/index.html is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }
}
