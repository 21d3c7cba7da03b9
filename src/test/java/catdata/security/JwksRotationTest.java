package catdata.security;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import catdata.support.ApiClient;
import catdata.support.TestApp;
import catdata.support.TestIssuer;

/**
 * Key rotation as providers do it: a new key is published beside the old one and used for new
 * tokens. The default ten-minute cache must not make the new key unknown until it expires. Runs
 * with the default key-set settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JwksRotationTest {

    private static final String PROTECTED = "/api/images";

    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, TestApp.newDirectory("catdata-jwks-rotation"));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Autowired
    private AuthProperties auth;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /** How long is tried in {@link JwksOutageTest}, with the tolerance shortened to seconds. */
    @Test
    void cachedKeysOutlastAnIssuerOutageForAnHourByDefault() {
        assertThat(auth.jwks().outageTolerance()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aTokenSignedByTheCurrentKeyIsAccepted() {
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
    }

    @Test
    void aTokenSignedByANewlyPublishedKeyIsAcceptedAfterOneRefetch() {
        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
        int fetchesBefore = ISSUER.jwksRequests();

        ISSUER.rotate();
        int status = api.get(PROTECTED, bearer(ISSUER.token().build())).status();

        assertThat(status).isEqualTo(200);
        assertThat(ISSUER.jwksRequests()).isEqualTo(fetchesBefore + 1);
    }

    @Test
    void tokensSignedByTheOldKeyStillWorkWhileItIsPublished() {
        String oldKeyToken = ISSUER.token().build();
        assertThat(api.get(PROTECTED, bearer(oldKeyToken)).status()).isEqualTo(200);

        ISSUER.rotate();

        assertThat(api.get(PROTECTED, bearer(ISSUER.token().build())).status()).isEqualTo(200);
        assertThat(api.get(PROTECTED, bearer(oldKeyToken)).status()).isEqualTo(200);
    }
}
