package catdata.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import catdata.local.IssuerExchange.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /authorize}: the authorization-code flow with PKCE (S256, required), as the Auth0 SDKs
 * use it. A person with a session gets a code at once; one without gets the sign-in page (which
 * posts back here), or {@code login_required} when the client asked {@code prompt=none} (a silent
 * renewal). The answer goes to the {@code redirect_uri} in the query, in the fragment, or by
 * {@code web_message}, a page that posts it to the window that opened it or the frame holding it.
 *
 * <p>Until the {@code redirect_uri} is known to be on an allowed origin, every problem is a page
 * here: nothing is ever redirected to an address that is not the client's.
 */
final class AuthorizeEndpoint {

    static final String CSRF_COOKIE = "catdata_local_signin";
    private static final List<String> MODES = List.of("query", "fragment", "web_message");
    /** The parameters the sign-in form carries along to its post. */
    private static final List<String> CARRIED = List.of("client_id", "redirect_uri", "response_type", "response_mode",
            "state", "nonce", "scope", "audience", "code_challenge", "code_challenge_method", "prompt");

    private final AllowedOrigins origins;
    private final Sessions sessions;
    private final AuthorizationCodes codes;
    private final String audience;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    AuthorizeEndpoint(AllowedOrigins origins, Sessions sessions, AuthorizationCodes codes, String audience,
            JsonMapper json) {
        this.origins = origins;
        this.sessions = sessions;
        this.codes = codes;
        this.audience = audience;
        this.json = json;
    }

    void handle(IssuerExchange exchange) throws IOException {
        switch (exchange.method()) {
            case "GET" -> authorize(exchange, exchange.query());
            case "POST" -> {
                Optional<Parameters> form = exchange.body();
                if (form.isEmpty()) {
                    exchange.sendHtml(400, IssuerPages.error("Sign-in failed", "The form could not be read."));
                    return;
                }
                signIn(exchange, form.get());
            }
            default -> {
                exchange.addHeader("Allow", "GET, POST");
                exchange.sendHtml(405, IssuerPages.error("Method not allowed", "Use GET or POST."));
            }
        }
    }

    private void authorize(IssuerExchange exchange, Parameters parameters) throws IOException {
        Optional<Request> request = read(exchange, parameters);
        if (request.isEmpty()) {
            return;
        }
        Optional<Sessions.Session> session = sessions.find(exchange.cookie(Sessions.COOKIE));
        String prompt = parameters.get("prompt").orElse("");
        if (session.isPresent() && !prompt.equals("login")) {
            respondWithCode(exchange, request.get(), session.get().user(), session.get().signedInAt());
        } else if (prompt.equals("none")) {
            respondWithError(exchange, request.get(), "login_required", "Login required");
        } else {
            showSignIn(exchange, request.get(), parameters, 200, null);
        }
    }

    private void signIn(IssuerExchange exchange, Parameters form) throws IOException {
        Optional<Request> request = read(exchange, form);
        if (request.isEmpty()) {
            return;
        }
        Optional<String> csrf = exchange.cookie(CSRF_COOKIE);
        if (csrf.isEmpty() || !csrf.equals(form.get("csrf"))) {
            // A form posted from elsewhere (login CSRF), or with its cookie gone: start over.
            showSignIn(exchange, request.get(), form, 400, "The sign-in form had expired; please sign in again.");
            return;
        }
        Optional<LocalUser> user = LocalUser.named(form.get("username").orElse(""));
        if (user.isEmpty()) {
            showSignIn(exchange, request.get(), form, 400, "A name is " + LocalUser.RULE + ".");
            return;
        }
        exchange.addHeader("Set-Cookie", Sessions.cookie(sessions.start(user.get())));
        exchange.addHeader("Set-Cookie", CSRF_COOKIE + "=; Path=/authorize; HttpOnly; SameSite=Strict; Max-Age=0");
        respondWithCode(exchange, request.get(), user.get(), Instant.now());
    }

    /** An authorization request that can be answered at its {@code redirect_uri}. */
    private record Request(String clientId, URI redirectUri, String mode, String state, String nonce,
            String scope, String audience, String codeChallenge) {
    }

    /**
     * The request, if it can be answered at all; otherwise the problem is answered here, on a page,
     * or at the redirect_uri once that is known to be the client's.
     */
    private Optional<Request> read(IssuerExchange exchange, Parameters parameters) throws IOException {
        Optional<String> repeated = parameters.repeated();
        if (repeated.isPresent()) {
            return refuse(exchange, "The parameter " + repeated.get() + " was given more than once.");
        }
        Optional<String> clientId = parameters.get("client_id");
        if (clientId.isEmpty()) {
            return refuse(exchange, "The request names no client_id.");
        }
        Optional<URI> redirectUri = parameters.get("redirect_uri").flatMap(origins::redirectTarget);
        if (redirectUri.isEmpty()) {
            return refuse(exchange, "The redirect_uri is missing, or not on an origin in CORS_ORIGINS; local mode "
                    + "sends codes only there.");
        }
        String mode = parameters.get("response_mode").orElse("query");
        if (!MODES.contains(mode)) {
            return refuse(exchange, "The response_mode must be query, fragment or web_message.");
        }
        Request request = new Request(clientId.get(), redirectUri.get(), mode, parameters.get("state").orElse(null),
                parameters.get("nonce").orElse(null), parameters.get("scope").orElse("openid"),
                parameters.get("audience").orElse(audience), parameters.get("code_challenge").orElse(null));
        if (!parameters.get("response_type").orElse("").equals("code")) {
            respondWithError(exchange, request, "unsupported_response_type", "Only response_type=code is supported");
            return Optional.empty();
        }
        if (request.codeChallenge() == null || !parameters.get("code_challenge_method").orElse("").equals("S256")) {
            respondWithError(exchange, request, "invalid_request",
                    "PKCE is required: send code_challenge with code_challenge_method=S256");
            return Optional.empty();
        }
        if (!request.audience().equals(audience)) {
            respondWithError(exchange, request, "access_denied", "Service not found: " + request.audience());
            return Optional.empty();
        }
        return Optional.of(request);
    }

    private static Optional<Request> refuse(IssuerExchange exchange, String why) throws IOException {
        exchange.sendHtml(400, IssuerPages.error("Invalid sign-in request", why));
        return Optional.empty();
    }

    private void showSignIn(IssuerExchange exchange, Request request, Parameters parameters, int status,
            String problem) throws IOException {
        Map<String, String> carried = new LinkedHashMap<>();
        for (String name : CARRIED) {
            parameters.get(name).ifPresent(value -> carried.put(name, value));
        }
        String csrf = Sessions.randomId(random);
        exchange.addHeader("Set-Cookie", CSRF_COOKIE + "=" + csrf + "; Path=/authorize; HttpOnly; SameSite=Strict");
        // form-action also governs the redirects that answer the post (Chromium enforces it): the
        // client's origin must be allowed, or the browser stays here once the person has signed in.
        exchange.addHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "form-action 'self' " + AllowedOrigins.originOf(request.redirectUri()) + "; frame-ancestors 'none'");
        exchange.sendHtml(status, IssuerPages.signIn(carried, csrf, problem));
    }

    private void respondWithCode(IssuerExchange exchange, Request request, LocalUser user, Instant authTime)
            throws IOException {
        Grant grant = new Grant(user, request.clientId(), request.audience(), Grant.scopes(request.scope()),
                request.nonce(), authTime);
        Map<String, String> result = new LinkedHashMap<>();
        result.put("code", codes.issue(grant, request.redirectUri().toString(), request.codeChallenge()));
        respond(exchange, request, result);
    }

    private void respondWithError(IssuerExchange exchange, Request request, String error, String description)
            throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("error", error);
        result.put("error_description", description);
        respond(exchange, request, result);
    }

    private void respond(IssuerExchange exchange, Request request, Map<String, String> result) throws IOException {
        if (request.state() != null) {
            result.put("state", request.state());
        }
        switch (request.mode()) {
            case "fragment" -> exchange.redirect(URI.create(request.redirectUri() + "#" + form(result)));
            case "web_message" -> {
                String origin = AllowedOrigins.originOf(request.redirectUri());
                String nonce = Sessions.randomId(random);
                // Framed by the client's page for a silent renewal; its script alone may run.
                exchange.addHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "script-src 'nonce-" + nonce + "'; frame-ancestors " + origin);
                exchange.sendHtml(200, IssuerPages.webMessage(json.writeValueAsString(result), origin, nonce));
            }
            default -> {
                String query = request.redirectUri().getRawQuery();
                String base = request.redirectUri().toString();
                exchange.redirect(URI.create(base + (query == null ? "?" : "&") + form(result)));
            }
        }
    }

    private static String form(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
