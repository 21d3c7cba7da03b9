package catdata.local;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestApp;
import catdata.support.TestDatabase;

/**
 * {@code AUTH0_REQUIRED_PERMISSIONS=true mvn spring-boot:run} works: local mode's tokens carry both
 * permissions, as an Auth0 token for a user given them does. (The shared test database stands in
 * for the embedded one, which {@link LocalModeTest} covers.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LocalModePermissionsTest {

    private static final Path DATA_DIR = TestApp.newDirectory("catdata-local-permissions");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("DATA_DIR", DATA_DIR::toString);
        registry.add("IMAGES_DIR", () -> DATA_DIR.resolve("images").toString());
        registry.add("LOCAL_ISSUER_PORT", () -> "0");
        registry.add("DATABASE_URL", TestDatabase::jdbcUrl);
        registry.add("AUTH0_REQUIRED_PERMISSIONS", () -> "true");
        for (String setting : new String[] {"AUTH0_DOMAIN", "OIDC_ISSUER", "AUTH0_AUDIENCE"}) {
            registry.add(setting, () -> "");
        }
    }

    @Autowired
    private LocalIssuer issuer;

    @LocalServerPort
    private int port;

    @Test
    void aLocalTokenReadsAndWritesWhenPermissionsAreRequired() {
        ApiClient api = new ApiClient(port);
        ApiClient issuerClient = new ApiClient(Integer.parseInt(issuer.issuer().replaceAll(".*:(\\d+)/$", "$1")));
        ApiResponse issued = issuerClient.send("POST", "/oauth/token", "application/json",
                ("{\"grant_type\":\"client_credentials\",\"client_id\":\"local-permissions\",\"audience\":\""
                        + issuer.audience() + "\"}").getBytes(StandardCharsets.UTF_8));
        String token = issued.json().path("access_token").asString();

        ApiResponse created = api.send("POST", "/api/container", "application/json",
                "{\"name\": \"Shed\"}".getBytes(StandardCharsets.UTF_8), bearer(token));
        ApiResponse listed = api.get("/api/containers", bearer(token));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).path("name").asString()).isEqualTo("Shed");
    }
}
