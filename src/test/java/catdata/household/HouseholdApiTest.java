package catdata.household;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/** The caller and their households: who they are, making a household, switching the default. */
class HouseholdApiTest extends ApiTest {

    @Test
    void aNewUserIsTheOwnerOfTheirPersonalHousehold() {
        String sub = "household-api-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();

        JsonNode me = api.get("/api/me", bearer(token)).json();

        assertThat(me.propertyNames()).containsExactlyInAnyOrder("sub", "name", "default_household_id", "households");
        assertThat(me.path("sub").asString()).isEqualTo(sub);
        assertThat(me.path("name").isNull()).isTrue();
        assertThat(me.path("households")).hasSize(1);
        JsonNode personal = me.path("households").get(0);
        assertThat(personal.path("id").asLong()).isEqualTo(me.path("default_household_id").asLong());
        assertThat(personal.path("name").asString()).isEqualTo("Personal");
        assertThat(personal.path("role").asString()).isEqualTo("owner");
    }

    @Test
    void aDisplayNameIsTrimmedAndShownToMembers() {
        String sub = "household-api-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();

        ApiResponse renamed = send(token, "PUT", "/api/me", "{\"name\": \"  Alice \"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Alice");
        long household = renamed.json().path("default_household_id").asLong();
        JsonNode members = api.get("/api/household/" + household, bearer(token)).json().path("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("sub").asString()).isEqualTo(sub);
        assertThat(members.get(0).path("name").asString()).isEqualTo("Alice");
        assertThat(members.get(0).path("role").asString()).isEqualTo("owner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\": \"  \"}", "{\"name\": 5}", "{\"name\": [\"A\"]}", "{\"name\": \"A",
        "[]"})
    void aNameThatIsMissingMalformedOrOfTheWrongTypeIs400(String body) {
        String token = newUserToken();

        for (String[] call : new String[][] {{"PUT", "/api/me"}, {"POST", "/api/household"}}) {
            ApiResponse response = send(token, call[0], call[1], body);

            assertThat(response.status()).as("%s %s %s", call[0], call[1], body).isEqualTo(400);
            assertThat(response.error()).isNotBlank();
        }
        assertThat(api.get("/api/households", bearer(token)).json()).hasSize(1);
    }

    @Test
    void aNameOfMoreThan100CharactersIs400() {
        String name = "x".repeat(101);
        ApiResponse response = send(newUserToken(), "POST", "/api/household", "{\"name\": \"" + name + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Name must be at most 100 characters.");
    }

    @Test
    void aNewHouseholdIsTheCallersToOwnAndMayBecomeTheirDefault() {
        String token = newUserToken();
        send(token, "POST", "/api/container", "{\"name\": \"Personal box\"}");

        ApiResponse created = send(token, "POST", "/api/household", "{\"name\": \"Holiday house\"}");

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/household/" + id);
        assertThat(created.json().path("name").asString()).isEqualTo("Holiday house");
        assertThat(created.json().path("role").asString()).isEqualTo("owner");
        JsonNode list = api.get("/api/households", bearer(token)).json();
        assertThat(list).hasSize(2);
        assertThat(list.get(1).propertyNames())
                .containsExactlyInAnyOrder("id", "name", "role", "is_default", "member_count");
        assertThat(list.get(0).path("is_default").asBoolean()).isTrue();
        assertThat(list.get(1).path("is_default").asBoolean()).isFalse();
        assertThat(list.get(1).path("member_count").asLong()).isEqualTo(1);

        assertThat(makeDefault(token, id).status()).isEqualTo(204);

        assertThat(api.get("/api/containers", bearer(token)).json()).isEmpty();
        long personal = list.get(0).path("id").asLong();
        assertThat(api.get("/api/containers?household=" + personal, bearer(token)).json()).hasSize(1);
        assertThat(api.get("/api/me", bearer(token)).json().path("default_household_id").asLong()).isEqualTo(id);
    }

    @Test
    void anotherUsersHouseholdIsNotFound() {
        String bob = newUserToken();
        long bobs = api.get("/api/me", bearer(bob)).json().path("default_household_id").asLong();
        String alice = newUserToken();

        for (ApiResponse response : new ApiResponse[] {api.get("/api/household/" + bobs, bearer(alice)),
                makeDefault(alice, bobs)}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error()).isEqualTo("Household not found");
        }
        assertThat(api.get("/api/me", bearer(alice)).json().path("default_household_id").asLong()).isNotEqualTo(bobs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5"})
    void anInvalidHouseholdIdIs400(String id) {
        assertThat(api.get("/api/household/" + id, bearer(newUserToken())).status()).isEqualTo(400);
    }

    @Test
    void everyHouseholdCallNeedsAToken() {
        for (String[] call : new String[][] {{"GET", "/api/me"}, {"PUT", "/api/me"}, {"GET", "/api/households"},
            {"POST", "/api/household"}, {"GET", "/api/household/1"}, {"PUT", "/api/household/1/default"}}) {
            ApiResponse response = api.send(call[0], call[1], "application/json",
                    "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).as("%s %s", call[0], call[1]).isEqualTo(401);
        }
    }

    private ApiResponse makeDefault(String token, long household) {
        return api.send("PUT", "/api/household/" + household + "/default", "application/json", new byte[0],
                bearer(token));
    }

    private ApiResponse send(String token, String method, String path, String json) {
        return api.send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), bearer(token));
    }
}
