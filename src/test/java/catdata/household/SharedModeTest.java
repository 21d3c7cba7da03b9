package catdata.household;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestApp;
import catdata.support.TestDatabase;
import catdata.support.TestIssuer;

/**
 * Shared mode, the original's behaviour: one household every signed-in user is an editor of (the
 * listed subs its owners), and no personal households. On a database of its own, as a team would
 * start one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedModeTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final Path IMAGES_DIR = TestApp.newDirectory("catdata-shared-images");
    private static final String OWNER = "shared-owner-" + UUID.randomUUID();
    private static String database;

    @LocalServerPort
    private int port;

    private ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, IMAGES_DIR, SharedModeTest::freshDatabase);
        registry.add("SHARED_HOUSEHOLD", () -> "true");
        registry.add("SHARED_HOUSEHOLD_NAME", () -> "Our house");
        registry.add("SHARED_HOUSEHOLD_OWNERS", () -> " someone-else , " + OWNER);
    }

    private static synchronized String freshDatabase() {
        if (database == null) {
            database = TestDatabase.newDatabase("shared");
        }
        return database;
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void everyoneWorksInTheOneSharedHousehold() {
        String alice = token("alice-" + UUID.randomUUID());
        String bob = token("bob-" + UUID.randomUUID());

        ApiResponse created = send(alice, "POST", "/api/container", "{\"name\": \"Attic " + UUID.randomUUID() + "\"}");
        JsonNode bobsView = api.get("/api/containers", bearer(bob)).json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(bobsView.findValuesAsString("name")).contains(created.json().path("name").asString());
        JsonNode me = api.get("/api/me", bearer(bob)).json();
        assertThat(me.path("households")).hasSize(1);
        assertThat(me.path("households").get(0).path("name").asString()).isEqualTo("Our house");
        assertThat(me.path("households").get(0).path("role").asString()).isEqualTo("editor");
        assertThat(me.path("default_household_id").asLong())
                .isEqualTo(api.get("/api/me", bearer(alice)).json().path("default_household_id").asLong());
    }

    @Test
    void theListedOwnersManageItEditorsMayNot() {
        String owner = token(OWNER);
        String editor = token("editor-" + UUID.randomUUID());
        long household = api.get("/api/me", bearer(owner)).json().path("default_household_id").asLong();

        assertThat(api.get("/api/me", bearer(owner)).json().path("households").get(0).path("role").asString())
                .isEqualTo("owner");
        assertThat(send(editor, "PUT", "/api/household/" + household, "{\"name\": \"Mine\"}").status())
                .isEqualTo(403);
        assertThat(send(owner, "POST", "/api/household/" + household + "/invitation", "{\"role\": \"viewer\"}")
                .status()).isEqualTo(201);
    }

    private static String token(String sub) {
        return ISSUER.token().subject(sub).build();
    }

    private ApiResponse send(String token, String method, String path, String json) {
        return api.send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), bearer(token));
    }
}
