package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEObjectType;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestApp;
import catdata.support.TestDatabase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The service against an OIDC issuer that is not ours: only {@code OIDC_ISSUER} and
 * {@code AUTH0_AUDIENCE} are set, so the key set must be found through discovery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OidcIssuerTest {

    private static final String PROTECTED = "/api/images";
    private static final String ISSUER_ID = "catdata";
    private static final String AUDIENCE = "https://api.catdata.test";

    private static final MockOAuth2Server ISSUER = startIssuer();

    @LocalServerPort
    private int port;

    @Autowired
    private IssuerSettings settings;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path imagesDir = TestApp.newDirectory("catdata-oidc-images");
        registry.add("DATABASE_URL", TestDatabase::jdbcUrl);
        registry.add("OIDC_ISSUER", () -> ISSUER.issuerUrl(ISSUER_ID).toString());
        registry.add("AUTH0_AUDIENCE", () -> AUDIENCE);
        registry.add("IMAGES_DIR", imagesDir::toString);
        registry.add("DATA_DIR", () -> TestApp.newDirectory("catdata-oidc-data").toString());
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.shutdown();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void itsTokenForOurAudienceIsAccepted() {
        ApiResponse response = api.get(PROTECTED, bearer(token(AUDIENCE)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
    }

    @Test
    void itsTokenForAnotherAudienceIsRefused() {
        ApiResponse response = api.get(PROTECTED, bearer(token("https://another-api.example")));

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("Token audience (aud) is not accepted.");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void theKeySetWasFoundThroughDiscovery() {
        assertThat(settings.issuer()).isEqualTo(ISSUER.issuerUrl(ISSUER_ID).toString()).contains("//127.0.0.1:");
        assertThat(settings.jwksUri()).isEqualTo(ISSUER.jwksUrl(ISSUER_ID).uri());
    }

    private static String token(String audience) {
        return ISSUER.issueToken(ISSUER_ID, "client-id", new DefaultOAuth2TokenCallback(ISSUER_ID, "some-subject",
                JOSEObjectType.JWT.getType(), List.of(audience), Map.of(), 3600)).serialize();
    }

    /**
     * The server names itself after the address's host name, which for {@code getByName("127.0.0.1")}
     * is looked up as "localhost"; naming the address keeps the issuer URL on 127.0.0.1.
     */
    private static MockOAuth2Server startIssuer() {
        MockOAuth2Server server = new MockOAuth2Server();
        try {
            server.start(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }
}
