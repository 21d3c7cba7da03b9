package catdata.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode's sign-in for browser front ends, spoken over real HTTP without a browser: the
 * authorization-code flow with PKCE as the Auth0 SDKs use it, refresh-token rotation, userinfo and
 * logout, and every refusal the protocol asks for, each with its OAuth error. PKCE challenges come
 * from Nimbus's OAuth SDK, not from the code under test.
 */
class LocalSignInProtocolTest {

    private static final String APP = "http://127.0.0.1:5173";
    private static final String CALLBACK = APP + "/callback";
    private static final String AUDIENCE = "https://cat-data.local/api";
    private static final String CLIENT = "cat-web";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RSAKey KEY = newKey();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private LocalIssuer issuer = new LocalIssuer(KEY, AUDIENCE, 0, List.of(APP, " http://localhost:5173 "), JSON);

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void discoveryListsEveryEndpointAndWhatTheyAccept() throws Exception {
        JsonNode document = json(get("/.well-known/openid-configuration", null));

        assertThat(document.path("issuer").asString()).isEqualTo(issuer.issuer());
        assertThat(document.path("authorization_endpoint").asString()).isEqualTo(issuer.issuer() + "authorize");
        assertThat(document.path("token_endpoint").asString()).isEqualTo(issuer.issuer() + "oauth/token");
        assertThat(document.path("userinfo_endpoint").asString()).isEqualTo(issuer.issuer() + "userinfo");
        assertThat(document.path("end_session_endpoint").asString()).isEqualTo(issuer.issuer() + "v2/logout");
        assertThat(document.path("jwks_uri").asString()).isEqualTo(issuer.issuer() + ".well-known/jwks.json");
        assertThat(strings(document.path("response_modes_supported"))).containsExactly("query", "fragment", "web_message");
        assertThat(strings(document.path("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(strings(document.path("grant_types_supported")))
                .containsExactly("authorization_code", "refresh_token", "client_credentials");
    }

    @Test
    void aPersonSignsInByNameAndTheCodeBuysTokensForTheApiAndTheClient() throws Exception {
        Flow flow = new Flow();
        HttpResponse<String> page = get("/authorize?" + flow.query(Map.of()), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("no", "password").contains("name=\"username\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        HttpResponse<String> signedIn = signIn(page, "alice");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        Map<String, String> result = queryOf(location(signedIn));
        assertThat(location(signedIn)).startsWith(CALLBACK + "?");
        assertThat(result).containsEntry("state", flow.state).containsKey("code");
        assertThat(cookie(signedIn, Sessions.COOKIE)).hasValueSatisfying(
                value -> assertThat(value).contains("HttpOnly").contains("SameSite=Lax"));

        JsonNode tokens = json(post("/oauth/token", flow.exchange(result.get("code")), "application/x-www-form-urlencoded"));
        JWTClaimsSet access = verified(tokens.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("local|alice");
        assertThat(access.getAudience()).containsExactly(AUDIENCE, issuer.issuer() + "userinfo");
        assertThat(access.getIssuer()).isEqualTo(issuer.issuer());
        assertThat(access.getStringClaim("azp")).isEqualTo(CLIENT);
        JWTClaimsSet id = verified(tokens.path("id_token").asString());
        assertThat(id.getAudience()).containsExactly(CLIENT);
        assertThat(id.getStringClaim("nonce")).isEqualTo(flow.nonce);
        assertThat(id.getStringClaim("name")).isEqualTo("alice");
        assertThat(id.getStringClaim("email")).isEqualTo("alice@local.invalid");
        assertThat(tokens.path("refresh_token").asString()).as("offline_access was asked for").isNotBlank();
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isPositive();
    }

    @Test
    void theSignInFormMayBeAnsweredWithARedirectToTheClientAndNowhereElse() throws Exception {
        HttpResponse<String> page = get("/authorize?" + new Flow().query(Map.of()), null);

        // Browsers apply form-action to the redirects after a post too: without the client's
        // origin, Chromium stayed on the sign-in page (LocalSignInBrowserTest).
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("form-action 'self' " + APP + ";"));
    }

    @Test
    void theTokenEndpointTakesJsonAsAuth0DoesAndNoRefreshTokenWithoutOfflineAccess() throws Exception {
        Flow flow = new Flow();
        flow.scope = "openid profile email";
        String code = codeFor(flow, "bob");

        Map<String, String> body = new LinkedHashMap<>();
        splitForm(flow.exchange(code)).forEach(body::put);
        JsonNode tokens = json(post("/oauth/token", JSON.writeValueAsString(body), "application/json"));

        assertThat(verified(tokens.path("access_token").asString()).getSubject()).isEqualTo("local|bob");
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void aWrongVerifierIsRefusedAndSpendsTheCode() throws Exception {
        Flow flow = new Flow();
        String code = codeFor(flow, "carol");
        String rightVerifier = flow.verifier.getValue();
        flow.verifier = new CodeVerifier();

        assertOAuthError(post("/oauth/token", flow.exchange(code), null), 403, "invalid_grant");
        flow.verifier = new CodeVerifier(rightVerifier);
        assertOAuthError(post("/oauth/token", flow.exchange(code), null), 403, "invalid_grant");
    }

    @Test
    void aMissingVerifierIsAnInvalidRequest() throws Exception {
        Flow flow = new Flow();
        String code = codeFor(flow, "dan");

        assertOAuthError(post("/oauth/token", "grant_type=authorization_code&client_id=" + CLIENT + "&code=" + code
                + "&redirect_uri=" + encode(CALLBACK), null), 400, "invalid_request");
    }

    @Test
    void aCodeWorksOnceAndOnlyForItsClientAndRedirectUri() throws Exception {
        Flow flow = new Flow();
        String code = codeFor(flow, "erin");
        assertThat(post("/oauth/token", flow.exchange(code), null).statusCode()).isEqualTo(200);
        assertOAuthError(post("/oauth/token", flow.exchange(code), null), 403, "invalid_grant");

        Flow other = new Flow();
        String second = codeFor(other, "erin");
        assertOAuthError(post("/oauth/token", other.exchange(second).replace("client_id=" + CLIENT, "client_id=other"),
                null), 403, "invalid_grant");
        String third = codeFor(other, "erin");
        assertOAuthError(post("/oauth/token", other.exchange(third).replace(encode(CALLBACK), encode(APP + "/else")),
                null), 403, "invalid_grant");
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        issuer.close();
        issuer = new LocalIssuer(KEY, AUDIENCE, 0, List.of(APP), JSON, new AuthorizationCodes(Duration.ofMillis(50)));
        Flow flow = new Flow();
        String code = codeFor(flow, "frank");
        Thread.sleep(300);

        assertOAuthError(post("/oauth/token", flow.exchange(code), null), 403, "invalid_grant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/callback", "http://127.0.0.1:5174/callback", "javascript:alert(1)",
            "http://user@127.0.0.1:5173/callback", "http://127.0.0.1:5173/callback#fragment", "/callback"})
    void aRedirectUriOffTheAllowedOriginsGetsAPageAndNeverARedirect(String redirectUri) throws Exception {
        Flow flow = new Flow();
        HttpResponse<String> response = get("/authorize?" + flow.query(Map.of("redirect_uri", redirectUri)), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("CORS_ORIGINS");
    }

    @Test
    void aSecondAllowedOriginWorksToo() throws Exception {
        Flow flow = new Flow();
        flow.redirectUri = "http://LOCALHOST:5173/";
        String session = sessionOf("gina");

        HttpResponse<String> response = get("/authorize?" + flow.query(Map.of()), session);
        assertThat(location(response)).startsWith("http://LOCALHOST:5173/?code=");
    }

    @Test
    void silentSignInWithoutASessionIsLoginRequiredAndWithOneIsACode() throws Exception {
        Flow flow = new Flow();
        HttpResponse<String> anonymous = get("/authorize?" + flow.query(Map.of("prompt", "none")), null);

        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(queryOf(location(anonymous))).containsEntry("error", "login_required").containsEntry("state", flow.state);

        HttpResponse<String> signedIn = get("/authorize?" + flow.query(Map.of("prompt", "none")), sessionOf("hank"));
        assertThat(queryOf(location(signedIn))).containsKey("code").doesNotContainKey("error");
    }

    @Test
    void fragmentAndWebMessageModesCarryTheSameAnswer() throws Exception {
        String session = sessionOf("iris");
        Flow flow = new Flow();

        HttpResponse<String> fragment = get("/authorize?" + flow.query(Map.of("response_mode", "fragment")), session);
        assertThat(location(fragment)).startsWith(CALLBACK + "#code=").contains("state=" + flow.state);

        HttpResponse<String> message = get("/authorize?" + flow.query(Map.of("response_mode", "web_message",
                "prompt", "none")), session);
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).contains("authorization_response").contains("\"code\":")
                .contains("\"" + APP + "\")").doesNotContain("\"*\"");
        String csp = message.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors " + APP).contains("script-src 'nonce-");
        Matcher nonce = Pattern.compile("script-src 'nonce-([^']+)'").matcher(csp);
        assertThat(nonce.find()).isTrue();
        assertThat(message.body()).contains("<script nonce=\"" + nonce.group(1) + "\">");
        Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(message.body());
        assertThat(code.find()).isTrue();
        assertThat(post("/oauth/token", flow.exchange(code.group(1)), null).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = get("/authorize?" + flow.query(Map.of("response_mode", "web_message",
                "prompt", "none")), null);
        assertThat(refused.body()).contains("\"error\":\"login_required\"");
    }

    @Test
    void withoutPkceOrWithAnotherResponseTypeTheClientIsToldWhy() throws Exception {
        Flow flow = new Flow();
        String session = sessionOf("jack");
        Map<String, String> noChallenge = new HashMap<>();
        noChallenge.put("code_challenge", "");

        assertThat(queryOf(location(get("/authorize?" + flow.query(noChallenge), session))))
                .containsEntry("error", "invalid_request");
        assertThat(queryOf(location(get("/authorize?" + flow.query(Map.of("code_challenge_method", "plain")), session))))
                .containsEntry("error", "invalid_request");
        assertThat(queryOf(location(get("/authorize?" + flow.query(Map.of("response_type", "token")), session))))
                .containsEntry("error", "unsupported_response_type");
        assertThat(queryOf(location(get("/authorize?" + flow.query(Map.of("audience", "https://other/api")), session))))
                .containsEntry("error", "access_denied");
    }

    @Test
    void aParameterGivenTwiceOrNoClientIsRefusedOnAPage() throws Exception {
        Flow flow = new Flow();
        assertThat(get("/authorize?" + flow.query(Map.of()) + "&state=again", null).statusCode()).isEqualTo(400);
        assertThat(get("/authorize?" + flow.query(Map.of("client_id", "")), null).statusCode()).isEqualTo(400);
        assertThat(get("/authorize?" + flow.query(Map.of("response_mode", "form_post")), null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aSignInFormPostedWithoutItsCookieOrWithABadNameIsShownAgain() throws Exception {
        Flow flow = new Flow();
        HttpResponse<String> page = get("/authorize?" + flow.query(Map.of()), null);
        String form = hiddenFields(page.body()) + "&username=mallory";

        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("expired").contains("name=\"username\"");
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(value -> value.startsWith(Sessions.COOKIE + "="));

        HttpResponse<String> badName = signIn(page, "<script>");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("A name is").doesNotContain("<script>");
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseRevokesTheWholeFamily() throws Exception {
        Flow flow = new Flow();
        JsonNode first = json(post("/oauth/token", flow.exchange(codeFor(flow, "kate")), null));
        String original = first.path("refresh_token").asString();

        JsonNode second = json(post("/oauth/token", refresh(original), null));
        String rotated = second.path("refresh_token").asString();
        assertThat(rotated).isNotBlank().isNotEqualTo(original);
        assertThat(verified(second.path("access_token").asString()).getSubject()).isEqualTo("local|kate");
        assertThat(verified(second.path("id_token").asString()).getAudience()).containsExactly(CLIENT);

        assertOAuthError(post("/oauth/token", refresh(original), null), 403, "invalid_grant");
        assertOAuthError(post("/oauth/token", refresh(rotated), null), 403, "invalid_grant");
    }

    @Test
    void aRefreshTokenIsTheClientsItWasIssuedTo() throws Exception {
        Flow flow = new Flow();
        String token = json(post("/oauth/token", flow.exchange(codeFor(flow, "liam")), null)).path("refresh_token")
                .asString();

        assertOAuthError(post("/oauth/token", refresh(token).replace("client_id=" + CLIENT, "client_id=other"), null),
                403, "invalid_grant");
        assertOAuthError(post("/oauth/token", "grant_type=refresh_token&client_id=" + CLIENT, null), 400,
                "invalid_request");
        assertOAuthError(post("/oauth/token", "grant_type=password", null), 400, "unsupported_grant_type");
        assertOAuthError(post("/oauth/token", "{\"grant_type\":1}", "application/json"), 400, "invalid_request");
        assertOAuthError(post("/oauth/token", "{\"grant_type\":", "application/json"), 400, "invalid_request");
        assertOAuthError(post("/oauth/token", "[\"refresh_token\"]", "application/json"), 400, "invalid_request");
        assertOAuthError(post("/oauth/token", "x".repeat(IssuerExchange.MAX_BODY_BYTES + 1), null), 400,
                "invalid_request");
    }

    @Test
    void userinfoAnswersForAPersonsAccessTokenOnly() throws Exception {
        Flow flow = new Flow();
        String access = json(post("/oauth/token", flow.exchange(codeFor(flow, "mia")), null)).path("access_token")
                .asString();

        JsonNode user = json(get("/userinfo", null, "Authorization", "Bearer " + access));
        assertThat(user.path("sub").asString()).isEqualTo("local|mia");
        assertThat(user.path("name").asString()).isEqualTo("mia");

        assertThat(get("/userinfo", null).statusCode()).isEqualTo(401);
        assertThat(get("/userinfo", null, "Authorization", "Bearer " + access + "x").statusCode()).isEqualTo(401);
        String machine = json(post("/oauth/token", "grant_type=client_credentials&client_id=robot", null))
                .path("access_token").asString();
        assertThat(get("/userinfo", null, "Authorization", "Bearer " + machine).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionAndReturnsOnlyToAnAllowedOrigin() throws Exception {
        String session = sessionOf("noah");
        Flow flow = new Flow();

        HttpResponse<String> foreign = get("/v2/logout?client_id=" + CLIENT + "&returnTo=" + encode("https://evil.example/"),
                session);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();
        assertThat(queryOf(location(get("/authorize?" + flow.query(Map.of("prompt", "none")), session))))
                .as("still signed in").containsKey("code");

        HttpResponse<String> logout = get("/v2/logout?client_id=" + CLIENT + "&returnTo=" + encode(APP + "/bye"), session);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo(APP + "/bye");
        assertThat(cookie(logout, Sessions.COOKIE)).hasValueSatisfying(value -> assertThat(value).contains("Max-Age=0"));
        assertThat(queryOf(location(get("/authorize?" + flow.query(Map.of("prompt", "none")), session))))
                .containsEntry("error", "login_required");
    }

    @Test
    void theTokenEndpointAnswersCorsForAllowedOriginsOnly() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/oauth/token")).header("Origin", APP)
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);

        HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri("/oauth/token")).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    // --- the client's side of the flow

    /** One authorization request as auth0-spa-js makes it, with a verifier of its own. */
    private final class Flow {
        CodeVerifier verifier = new CodeVerifier();
        final String state = "state-" + System.nanoTime();
        final String nonce = "nonce-" + System.nanoTime();
        String scope = "openid profile email offline_access";
        String redirectUri = CALLBACK;

        String query(Map<String, String> overrides) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("client_id", CLIENT);
            parameters.put("redirect_uri", redirectUri);
            parameters.put("response_type", "code");
            parameters.put("scope", scope);
            parameters.put("audience", AUDIENCE);
            parameters.put("state", state);
            parameters.put("nonce", nonce);
            parameters.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
            parameters.put("code_challenge_method", "S256");
            parameters.putAll(overrides);
            return form(parameters);
        }

        String exchange(String code) {
            return "grant_type=authorization_code&client_id=" + CLIENT + "&code=" + encode(code) + "&code_verifier="
                    + verifier.getValue() + "&redirect_uri=" + encode(redirectUri);
        }
    }

    private String codeFor(Flow flow, String name) throws Exception {
        HttpResponse<String> response = get("/authorize?" + flow.query(Map.of()), sessionOf(name));
        return queryOf(location(response)).get("code");
    }

    /** A signed-in session's cookie, as a browser would hold it after the sign-in page. */
    private String sessionOf(String name) throws Exception {
        Flow flow = new Flow();
        HttpResponse<String> signedIn = signIn(get("/authorize?" + flow.query(Map.of()), null), name);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String cookie = cookie(signedIn, Sessions.COOKIE).orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /** Submits the sign-in page's form with its cookie, as the browser would. */
    private HttpResponse<String> signIn(HttpResponse<String> page, String name) throws Exception {
        String csrfCookie = cookie(page, AuthorizeEndpoint.CSRF_COOKIE).orElseThrow();
        return send(HttpRequest.newBuilder(uri("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(hiddenFields(page.body()) + "&username=" + encode(name)))
                .build());
    }

    private static String hiddenFields(String page) {
        Matcher field = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page);
        Map<String, String> values = new LinkedHashMap<>();
        while (field.find()) {
            values.put(field.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(field.group(2)));
        }
        return form(values);
    }

    private String refresh(String token) {
        return "grant_type=refresh_token&client_id=" + CLIENT + "&refresh_token=" + encode(token);
    }

    private JWTClaimsSet verified(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(KEY.toRSAPublicKey()))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").asString()).isEqualTo(error);
        assertThat(json(response).path("error_description").asString()).isNotBlank();
    }

    private HttpResponse<String> get(String path, String cookie, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(issuer.issuer() + path.substring(1));
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect: " + response.statusCode() + " " + response.body()));
    }

    private static Optional<String> cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
                .findFirst();
    }

    private static Map<String, String> queryOf(String address) {
        URI uri = URI.create(address);
        String raw = uri.getRawQuery() != null ? uri.getRawQuery() : uri.getRawFragment();
        return splitForm(raw);
    }

    private static Map<String, String> splitForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String form(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
