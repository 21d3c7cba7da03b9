package catdata.owner;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/** Which household a call acts in, over HTTP: the caller's own by default, another only as its member. */
class HouseholdSelectionApiTest extends ApiTest {

    private final JdbcClient jdbc;

    @Autowired
    HouseholdSelectionApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void aFirstCallActsInANewPersonalHouseholdAndRowsSayWhoMadeThem() {
        String sub = "household-test-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();

        assertThat(api.get("/api/containers", bearer(token)).json()).isEmpty();
        ApiResponse created = post(token, "/api/container", "{\"name\": \"Attic\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("created_by").asString()).isEqualTo(sub);
        assertThat(created.json().path("updated_by").asString()).isEqualTo(sub);
        assertThat(jdbc.sql("""
                SELECT h.name FROM users u JOIN households h ON h.id = u.default_household_id WHERE u.sub = :sub""")
                .param("sub", sub).query(String.class).single()).isEqualTo("Personal");
    }

    @Test
    void theCallersOwnHouseholdMayBeNamedByHeaderOrQuery() {
        String sub = "household-test-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();
        post(token, "/api/container", "{\"name\": \"Attic\"}");
        long household = householdOf(sub);

        assertThat(api.get("/api/containers", "Authorization", "Bearer " + token,
                "X-Household", String.valueOf(household)).json()).hasSize(1);
        assertThat(api.get("/api/containers?household=" + household, bearer(token)).json()).hasSize(1);
    }

    @Test
    void anotherUsersHouseholdIsNotFoundAndNothingIsWrittenInIt() {
        String bob = "household-test-" + UUID.randomUUID();
        post(ISSUER.token().subject(bob).build(), "/api/container", "{\"name\": \"Shed\"}");
        long bobs = householdOf(bob);
        String alice = newUserToken();

        ApiResponse read = api.get("/api/containers", "Authorization", "Bearer " + alice,
                "X-Household", String.valueOf(bobs));
        ApiResponse write = api.send("POST", "/api/container?household=" + bobs, "application/json",
                "{\"name\": \"Mine now\"}".getBytes(StandardCharsets.UTF_8), bearer(alice));

        for (ApiResponse refused : new ApiResponse[] {read, write}) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.error()).isEqualTo("Household not found");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM containers WHERE household_id = :h").param("h", bobs)
                .query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void aHouseholdIdThatIsNotAPositiveIntegerIs400(String id) {
        ApiResponse response = api.get("/api/containers", "Authorization", "Bearer " + newUserToken(),
                "X-Household", id);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Invalid household id.");
    }

    @Test
    void whoMadeARowCannotBeSentBack() {
        String sub = "household-test-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();
        JsonNode tag = post(token, "/api/tag", "{\"name\": \"Winter\"}").json();

        ApiResponse renamed = api.send("PUT", "/api/tag/" + tag.path("id").asLong(), "application/json",
                "{\"name\": \"Snow\", \"created_by\": \"mallory\", \"updated_by\": \"mallory\"}"
                        .getBytes(StandardCharsets.UTF_8), bearer(token));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("created_by").asString()).isEqualTo(sub);
        assertThat(renamed.json().path("updated_by").asString()).isEqualTo(sub);
    }

    @Test
    void aBrowserMaySendTheHouseholdHeader() {
        ApiResponse preflight = api.options("/api/containers", "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization, x-household");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-household");
    }

    private ApiResponse post(String token, String path, String json) {
        return api.send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), bearer(token));
    }

    private long householdOf(String sub) {
        return jdbc.sql("SELECT default_household_id FROM users WHERE sub = :sub").param("sub", sub)
                .query(Long.class).single();
    }
}
