package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.sun.net.httpserver.HttpServer;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestApp;
import catdata.support.TestDatabase;
import catdata.support.TestIssuer;
import catdata.support.TokenBuilder;

/**
 * Every hostile token the trust issue lists (header, claim and shape problems) is refused with a
 * 401 naming the case, before any key is looked up: no request reaches the issuer's JWKS, and none
 * the attacker's. The service is configured as for an Auth0 tenant, so the issuer forms tried are
 * Auth0's. Each token names a key id the issuer never published, so that a token which slipped past
 * the cheap checks would show up as a JWKS request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HostileTokenTest {

    private static final String PROTECTED = "/api/images";
    private static final TestIssuer ISSUER = new TestIssuer();
    private static final AttackerKeys ATTACKER = new AttackerKeys();

    private static final String TOO_LONG = "Token is longer than 8 KiB.";
    private static final String PARTS = "Malformed token: not three dot-separated parts.";
    private static final String ENCODING = "Malformed token: a part is not unpadded base64url.";
    private static final String NOT_JSON = "Malformed token: header and payload must be JSON objects.";
    private static final String MALFORMED_HEADER = "Bearer token is malformed";
    private static final String SIGNATURE_LENGTH = "Malformed token: the signature is not the length of an RS256 one.";
    private static final String CLAIM_TYPE = "Malformed token: a standard claim has the wrong type.";
    private static final String MALFORMED = "Malformed token.";
    private static final String ALGORITHM = "Token algorithm is not accepted (RS256 only).";
    private static final String NO_KID = "Token has no key id (kid).";
    private static final String KID = "Token key id (kid) is not accepted.";
    private static final String TYPE = "Token type (typ) is not accepted.";
    private static final String ISSUER_REFUSED = "Token issuer (iss) is not accepted.";
    private static final String AUDIENCE = "Token audience (aud) is not accepted.";

    @LocalServerPort
    private int port;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path directory = TestApp.newDirectory("catdata-hostile-tokens");
        registry.add("DATABASE_URL", TestDatabase::jdbcUrl);
        registry.add("AUTH0_DOMAIN", ISSUER::auth0Issuer);
        registry.add("OIDC_ISSUER", () -> "");
        registry.add("OIDC_JWKS_URI", () -> "");
        registry.add("AUTH0_AUDIENCE", () -> TestIssuer.AUDIENCE);
        registry.add("IMAGES_DIR", directory::toString);
        registry.add("DATA_DIR", () -> directory.resolve(".data").toString());
        // Enough fetches that a token reaching the key lookup would always cost one, and be seen.
        registry.add("JWKS_FETCHES_PER_MINUTE", () -> "600");
    }

    @AfterAll
    static void stopServers() {
        ISSUER.close();
        ATTACKER.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    record Hostile(String name, String token, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Hostile> hostileTokens() {
        List<Hostile> cases = new ArrayList<>();
        cases.addAll(headerProblems());
        cases.addAll(claimProblems());
        cases.addAll(shapeProblems());
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedBeforeAnyKeyIsFetched(Hostile hostile) {
        int fetchesBefore = ISSUER.jwksRequests();

        ApiResponse response = api.get(PROTECTED, bearer(hostile.token()));

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(ISSUER.jwksRequests()).as("JWKS requests").isEqualTo(fetchesBefore);
        assertThat(ATTACKER.requests()).as("requests to the attacker's key set").isZero();
        assertThat(response.header("Content-Type")).contains("json");
        assertThat(response.error()).isEqualTo(hostile.error());
        assertThat(response.header("WWW-Authenticate")).contains("error_description=\"" + hostile.error() + "\"");
    }

    @Test
    void theTokensTriedCoverEverySection() {
        assertThat(headerProblems()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(claimProblems()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(shapeProblems()).hasSizeGreaterThanOrEqualTo(25);
    }

    // The limits themselves are not refused: each of these passes the cheap checks.

    @Test
    void aValidTokenIsAccepted() {
        assertThat(api.get(PROTECTED, bearer(valid().build())).status()).isEqualTo(200);
    }

    @Test
    void aKeyIdOf256SafeCharactersReachesTheKeyLookup() {
        String kid = "A-b_c.d~e+f=".repeat(22).substring(0, 256);

        ApiResponse response = api.get(PROTECTED, bearer(valid().keyId(kid).build()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo(StrictJwtDecoder.UNKNOWN_KEY);
    }

    @Test
    void everyAcceptedTokenTypeIsAccepted() {
        for (String type : new String[] {null, "JWT", "jwt", "at+jwt", "application/at+jwt"}) {
            assertThat(api.get(PROTECTED, bearer(valid().type(type).build())).status()).as("typ %s", type)
                    .isEqualTo(200);
        }
    }

    @Test
    void aTokenValidForTwentyNineDaysIsAccepted() {
        String token = valid().expiresAt(Instant.now().plus(Duration.ofDays(29))).build();

        assertThat(api.get(PROTECTED, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void aTokenJustUnder8KiBIsAccepted() {
        String token = sized(8 * 1024 - 2, valid());

        assertThat(api.get(PROTECTED, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void aTokenLargerThanTheServerTakesInHeadersIsRefusedWithoutA5xx() {
        ApiResponse response = api.get(PROTECTED, bearer(valid().claim("junk", "x".repeat(40_000)).build()));

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    }

    private static List<Hostile> headerProblems() {
        RSAKey attackerKey = ATTACKER.key();
        List<Hostile> cases = new ArrayList<>(List.of(
                new Hostile("alg none, unsigned", hostile().buildUnsigned(), ALGORITHM),
                new Hostile("alg none with a signature", hostile().header("alg", "none").build(), ALGORITHM),
                new Hostile("alg None", hostile().header("alg", "None").build(), ALGORITHM),
                new Hostile("alg HS256 signed with the public key", hostile().buildHs256WithPublicKey(), ALGORITHM),
                new Hostile("alg RS384", hostile().algorithm(JWSAlgorithm.RS384).build(), ALGORITHM),
                new Hostile("alg RS512", hostile().algorithm(JWSAlgorithm.RS512).build(), ALGORITHM),
                new Hostile("alg PS256", hostile().algorithm(JWSAlgorithm.PS256).build(), ALGORITHM),
                new Hostile("alg ES256", hostile().algorithm(JWSAlgorithm.ES256).build(), ALGORITHM),
                new Hostile("alg rs256 in lower case", hostile().header("alg", "rs256").build(), ALGORITHM),
                new Hostile("alg missing", hostile().rawHeader("{\"typ\":\"JWT\",\"kid\":\"" + unknownKid() + "\"}")
                        .build(), ALGORITHM),
                new Hostile("alg null", hostile().header("alg", null).build(), ALGORITHM),
                new Hostile("alg as a list", hostile().header("alg", List.of("RS256")).build(), ALGORITHM),
                new Hostile("jku naming the attacker's key set", attackerSigned(attackerKey)
                        .header("jku", ATTACKER.url()).build(), "Token header parameter 'jku' is not accepted."),
                new Hostile("x5u naming the attacker's key set", attackerSigned(attackerKey)
                        .header("x5u", ATTACKER.url()).build(), "Token header parameter 'x5u' is not accepted."),
                new Hostile("jwk carrying the attacker's key", attackerSigned(attackerKey)
                        .header("jwk", attackerKey.toPublicJWK().toJSONObject()).build(),
                        "Token header parameter 'jwk' is not accepted."),
                new Hostile("x5c carrying a certificate chain", hostile()
                        .header("x5c", List.of(Base64URL.encode(new byte[64]).toString())).build(),
                        "Token header parameter 'x5c' is not accepted."),
                new Hostile("crit naming exp", hostile().header("crit", List.of("exp")).build(),
                        "Token header parameter 'crit' is not accepted."),
                new Hostile("crit b64 with an unencoded payload", hostile().header("b64", false)
                        .header("crit", List.of("b64")).build(), "Token header parameter 'crit' is not accepted."),
                new Hostile("kid missing", hostile().keyId(null).build(), NO_KID),
                new Hostile("kid null", hostile().header("kid", null).build(), KID),
                new Hostile("kid a number", hostile().header("kid", 42).build(), KID),
                new Hostile("kid an object", hostile().header("kid", Map.of("id", "x")).build(), KID),
                new Hostile("kid empty", hostile().keyId("").build(), KID),
                new Hostile("kid of 257 characters", hostile().keyId("k".repeat(257)).build(), KID),
                new Hostile("kid a path", hostile().keyId("../../../../etc/passwd").build(), KID),
                new Hostile("kid the parent directory", hostile().keyId("..").build(), KID),
                new Hostile("kid a Windows path", hostile().keyId("..\\..\\keys\\signing").build(), KID),
                new Hostile("kid an encoded path", hostile().keyId("%2e%2e%2fkeys").build(), KID),
                new Hostile("kid with SQL quotes", hostile().keyId("x' OR '1'='1").build(), KID),
                new Hostile("kid with an SQL statement", hostile().keyId("k;DROP TABLE items;--").build(), KID),
                new Hostile("kid with NUL", hostile().keyId("key\u0000").build(), KID),
                new Hostile("kid with a space", hostile().keyId("key one").build(), KID),
                new Hostile("kid not ASCII", hostile().keyId("ключ").build(), KID),
                new Hostile("typ JWE", hostile().type("JWE").build(), TYPE),
                new Hostile("typ jwt+evil", hostile().type("jwt+evil").build(), TYPE),
                new Hostile("typ empty", hostile().type("").build(), TYPE),
                new Hostile("typ a number", hostile().header("typ", 5).build(), TYPE),
                new Hostile("typ null", hostile().header("typ", null).build(), TYPE)));
        return cases;
    }

    private static List<Hostile> claimProblems() {
        String issuer = ISSUER.auth0Issuer();
        String withoutSlash = issuer.substring(0, issuer.length() - 1);
        Instant now = Instant.now();
        return List.of(
                new Hostile("iss without the trailing slash", hostile().issuer(withoutSlash).build(), ISSUER_REFUSED),
                new Hostile("iss with //", hostile().issuer(issuer + "/").build(), ISSUER_REFUSED),
                new Hostile("iss in upper case", hostile().issuer(issuer.toUpperCase()).build(), ISSUER_REFUSED),
                new Hostile("iss with the other scheme", hostile().issuer(issuer.replace("http://", "https://"))
                        .build(), ISSUER_REFUSED),
                new Hostile("iss with a path", hostile().issuer(issuer + "catdata").build(), ISSUER_REFUSED),
                new Hostile("iss with a space", hostile().issuer(issuer + " ").build(), ISSUER_REFUSED),
                new Hostile("iss another issuer", hostile().issuer("https://evil.example/").build(), ISSUER_REFUSED),
                new Hostile("iss missing", hostile().issuer(null).build(), ISSUER_REFUSED),
                new Hostile("iss a number", hostile().claim("iss", 42).build(), CLAIM_TYPE),
                new Hostile("aud missing", hostile().audience().build(), AUDIENCE),
                new Hostile("aud an empty list", hostile().claim("aud", List.of()).build(), AUDIENCE),
                new Hostile("aud empty", hostile().audience("").build(), AUDIENCE),
                new Hostile("aud another API", hostile().audience("https://another-api.example").build(), AUDIENCE),
                new Hostile("aud two others", hostile().audience("https://a.example", "https://b.example").build(),
                        AUDIENCE),
                new Hostile("aud ours in upper case", hostile().audience(TestIssuer.AUDIENCE.toUpperCase()).build(),
                        AUDIENCE),
                new Hostile("aud ours with a trailing slash", hostile().audience(TestIssuer.AUDIENCE + "/").build(),
                        AUDIENCE),
                new Hostile("exp missing", hostile().expiresAt(null).build(), "Token has no expiry (exp)."),
                new Hostile("exp past", hostile().expiredAt(now.minus(Duration.ofMinutes(5))).build(),
                        "Token has expired."),
                new Hostile("exp 31 days ahead", hostile().expiresAt(now.plus(Duration.ofDays(31))).build(),
                        "Token expires more than 30 days ahead (exp)."),
                new Hostile("exp in the year 9999", hostile().expiresAt(Instant.parse("9999-12-31T00:00:00Z")).build(),
                        "Token expires more than 30 days ahead (exp)."),
                new Hostile("exp not a number", hostile().expiresAt(null).claim("exp", "tomorrow").build(), CLAIM_TYPE),
                new Hostile("nbf in the future", hostile().notBefore(now.plus(Duration.ofMinutes(5))).build(),
                        "Token is not valid yet (nbf)."),
                new Hostile("iat in the future", hostile().issuedAt(now.plus(Duration.ofMinutes(5))).build(),
                        "Token is issued in the future (iat)."),
                new Hostile("iat after exp", hostile().issuedAt(now.plus(Duration.ofMinutes(20)))
                        .expiresAt(now.plus(Duration.ofMinutes(10))).build(), MALFORMED),
                new Hostile("sub missing", hostile().subject(null).build(), "Token has no subject (sub)."));
    }

    private static List<Hostile> shapeProblems() {
        String[] parts = hostile().build().split("\\.");
        String header = parts[0];
        String payload = parts[1];
        String signature = parts[2];
        String signedWithKnownKey = valid().build();
        return List.of(
                new Hostile("one part", header, PARTS),
                new Hostile("two parts", header + "." + payload, PARTS),
                new Hostile("two parts and a dot", header + "." + payload + "..", PARTS),
                new Hostile("four parts", header + "." + payload + "." + signature + "." + signature, PARTS),
                new Hostile("five-part JWE", hostile().buildEncrypted(), PARTS),
                new Hostile("three empty parts", "..", NOT_JSON),
                new Hostile("empty signature", header + "." + payload + ".", ENCODING),
                new Hostile("signature padded with =", header + "." + payload + "." + signature + "=", ENCODING),
                new Hostile("signature padded with ==", header + "." + payload + "." + signature + "==", ENCODING),
                new Hostile("signature followed by !", header + "." + payload + "." + signature + "!",
                        MALFORMED_HEADER),
                new Hostile("signature followed by ~", header + "." + payload + "." + signature + "~", ENCODING),
                new Hostile("signature followed by +", header + "." + payload + "." + signature + "+", ENCODING),
                new Hostile("signature followed by /", header + "." + payload + "." + signature + "/", ENCODING),
                new Hostile("signature followed by one more character", header + "." + payload + "." + signature + "A",
                        SIGNATURE_LENGTH),
                new Hostile("signature followed by four more characters", header + "." + payload + "." + signature
                        + "AAAA", SIGNATURE_LENGTH),
                new Hostile("signature cut short", header + "." + payload + "." + signature.substring(0, 340),
                        SIGNATURE_LENGTH),
                new Hostile("signature in standard base64", standardBase64Signature(), ENCODING),
                new Hostile("a valid signature spelt with other unused bits", respelt(signedWithKnownKey), ENCODING),
                new Hostile("header padded with =", header + "=." + payload + "." + signature, MALFORMED_HEADER),
                new Hostile("payload padded with =", header + "." + payload + "=." + signature, MALFORMED_HEADER),
                new Hostile("header not JSON", hostile().rawHeader("alg=RS256").build(), NOT_JSON),
                new Hostile("header a JSON list", hostile().rawHeader("[\"RS256\"]").build(), NOT_JSON),
                new Hostile("header JSON null", hostile().rawHeader("null").build(), NOT_JSON),
                new Hostile("header a JSON string", hostile().rawHeader("\"RS256\"").build(), NOT_JSON),
                new Hostile("header with alg twice", hostile().rawHeader("{\"alg\":\"none\",\"alg\":\"RS256\",\"kid\":\""
                        + unknownKid() + "\"}").build(), NOT_JSON),
                new Hostile("header nested 300 deep", hostile().rawHeader("{\"alg\":\"RS256\",\"x\":"
                        + "[".repeat(300) + "]".repeat(300) + "}").build(), NOT_JSON),
                new Hostile("header not UTF-8", withPart(0, Base64URL.encode(new byte[] {'{', '"', (byte) 0xff, '"', ':',
                        '1', '}'}).toString(), hostile().build()), NOT_JSON),
                new Hostile("payload a JSON list", hostile().rawPayload("[1,2]").build(), NOT_JSON),
                new Hostile("payload a number", hostile().rawPayload("123").build(), NOT_JSON),
                new Hostile("payload JSON null", hostile().rawPayload("null").build(), NOT_JSON),
                new Hostile("payload not JSON", hostile().rawPayload("hello").build(), NOT_JSON),
                new Hostile("payload an empty object", hostile().rawPayload("{}").build(), MALFORMED),
                new Hostile("over 8 KiB", sized(8 * 1024 + 1, valid()), TOO_LONG));
    }

    /** A token the issuer signed with its key, naming a key id it never published. */
    private static TokenBuilder hostile() {
        return valid().keyId(unknownKid());
    }

    private static TokenBuilder valid() {
        return ISSUER.token().issuer(ISSUER.auth0Issuer());
    }

    private static TokenBuilder attackerSigned(RSAKey attackerKey) {
        return valid().signedWith(attackerKey).keyId(attackerKey.getKeyID());
    }

    private static String unknownKid() {
        return UUID.randomUUID().toString();
    }

    /**
     * A validly signed token padded with a claim to a length in {@code [min, min + 2]}: one more byte
     * of claim adds one or two characters to the payload's base64url.
     */
    private static String sized(int min, TokenBuilder builder) {
        String claim = "x".repeat(Math.max(1, (min - builder.build().length()) * 3 / 4 - 8));
        String token = builder.claim("pad", claim).build();
        while (token.length() < min) {
            claim += "x";
            token = builder.claim("pad", claim).build();
        }
        assertThat(token.length()).isBetween(min, min + 2);
        return token;
    }

    /** The same signature bytes with the unused low bits of its last character set: a second spelling. */
    private static String respelt(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        char other = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String respelt = token.substring(0, token.length() - 1) + other;
        assertThat(Base64URL.from(respelt.substring(respelt.lastIndexOf('.') + 1)).decode())
                .isEqualTo(Base64URL.from(token.substring(token.lastIndexOf('.') + 1)).decode());
        return respelt;
    }

    private static String standardBase64Signature() {
        String token;
        do {
            token = hostile().build();
        } while (!token.substring(token.lastIndexOf('.')).matches(".*[-_].*"));
        int dot = token.lastIndexOf('.');
        return token.substring(0, dot) + token.substring(dot).replace('-', '+').replace('_', '/');
    }

    private static String withPart(int index, String part, String token) {
        String[] parts = token.split("\\.");
        parts[index] = part;
        return String.join(".", parts);
    }

    /** An attacker's key set on a server of its own, counting every request made to it. */
    private static final class AttackerKeys implements AutoCloseable {

        private final RSAKey key = TestIssuer.newKey();
        private final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;

        AttackerKeys() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        RSAKey key() {
            return key;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
