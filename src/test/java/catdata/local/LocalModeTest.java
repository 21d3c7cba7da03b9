package catdata.local;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestApp;
import catdata.support.TestImages;

/**
 * The README's first steps: no issuer and no database configured, so the service runs its own
 * PostgreSQL and its local issuer; a token from the issuer uploads a photo and fetches it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LocalModeTest {

    private static final Path DATA_DIR = TestApp.newDirectory("catdata-local-data");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("DATA_DIR", DATA_DIR::toString);
        registry.add("IMAGES_DIR", () -> DATA_DIR.resolve("images").toString());
        registry.add("LOCAL_ISSUER_PORT", () -> "0");
        // Local mode is what is left when nothing is configured, whatever the developer's shell holds.
        for (String setting : new String[] {"AUTH0_DOMAIN", "OIDC_ISSUER", "AUTH0_AUDIENCE", "DATABASE_URL", "PGHOST"}) {
            registry.add(setting, () -> "");
        }
    }

    @Autowired
    private LocalIssuer issuer;

    @Autowired
    private WebServerApplicationContext web;

    @LocalServerPort
    private int port;

    private ApiClient api;
    private ApiClient issuerClient;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        int issuerPort = Integer.parseInt(issuer.issuer().replaceAll(".*:(\\d+)/$", "$1"));
        issuerClient = new ApiClient(issuerPort);
    }

    @Test
    void aLocalTokenUploadsAPhotoAndFetchesItBack() {
        String token = token("{\"grant_type\":\"client_credentials\",\"client_id\":\"local\",\"audience\":\""
                + issuer.audience() + "\"}", "application/json");
        byte[] photo = TestImages.png(64, 48);

        ApiResponse upload = api.upload("/api/image", List.of(ApiClient.Part.file("cat.png", "image/png", photo)),
                bearer(token));
        ApiResponse fetched = api.get(upload.header("Location"), bearer(token));

        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(photo);
    }

    @Test
    void theTokenEndpointTakesAFormBodyAsAuth0Does() {
        String token = token("grant_type=client_credentials&client_id=alice&audience="
                + URLEncoder.encode(issuer.audience(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");

        assertThat(api.get("/api/images", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void theIssuerMustMatchExactlyIncludingItsTrailingSlash() throws Exception {
        RSAKey key = LocalSigningKey.loadOrCreate(DATA_DIR.resolve("local-issuer-key.json"));
        String withoutSlash = issuer.issuer().substring(0, issuer.issuer().length() - 1);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(withoutSlash).subject("local@clients")
                .audience(issuer.audience()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        token.sign(new RSASSASigner(key));

        ApiResponse response = api.get("/api/images", bearer(token.serialize()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("Token issuer (iss) is not accepted.");
    }

    @Test
    void theApiListensOnLoopbackOnly() {
        TomcatWebServer tomcat = (TomcatWebServer) web.getWebServer();

        assertThat(tomcat.getTomcat().getConnector().getProperty("address"))
                .isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void theDatabaseIsEmbeddedAndKeptInTheDataDirectory() {
        assertThat(DATA_DIR.resolve("postgres").resolve("PG_VERSION")).exists();
        assertThat(DATA_DIR.resolve("local-issuer-key.json")).exists();
    }

    @Test
    void anotherAudienceIsRefusedAsAuth0Refuses() {
        ApiResponse response = issuerClient.send("POST", "/oauth/token", "application/json",
                "{\"grant_type\":\"client_credentials\",\"audience\":\"https://other\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("access_denied");
    }

    @Test
    void onlyTheClientCredentialsGrantIsOffered() {
        ApiResponse response = issuerClient.send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=password&username=a&password=b".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void theIssuerLooksLikeAnAuth0Tenant() {
        ApiResponse discovery = issuerClient.get("/.well-known/openid-configuration");
        ApiResponse keys = issuerClient.get("/.well-known/jwks.json");

        assertThat(discovery.json().path("issuer").asString()).isEqualTo(issuer.issuer());
        assertThat(keys.json().path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(keys.text()).doesNotContain("\"d\"");
    }

    private String token(String body, String contentType) {
        ApiResponse response = issuerClient.send("POST", "/oauth/token", contentType,
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("token_type").asString()).isEqualTo("Bearer");
        return response.json().path("access_token").asString();
    }
}
