package catdata.household;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/** Managing a household: its name, its deletion, its members' roles, leaving it. */
class MembersApiTest extends ApiTest {

    private final JdbcClient jdbc;

    private String owner;
    private String ownerSub;
    private long household;

    @Autowired
    MembersApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void aHouseholdOfItsOwn() {
        ownerSub = "members-" + UUID.randomUUID();
        owner = ISSUER.token().subject(ownerSub).build();
        household = send(owner, "POST", "/api/household", "{\"name\": \"Family\"}").json().path("id").asLong();
    }

    @Test
    void anOwnerRenamesTheHouseholdAnEditorMayNot() {
        String editor = join("editor").token;

        ApiResponse renamed = send(owner, "PUT", "/api/household/" + household, "{\"name\": \" Smiths \"}");
        ApiResponse refused = send(editor, "PUT", "/api/household/" + household, "{\"name\": \"Mine\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Smiths");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("This needs the owner role in this household (yours is editor).");
        assertThat(send(newUserToken(), "PUT", "/api/household/" + household, "{\"name\": \"X\"}").status())
                .isEqualTo(404);
        assertThat(send(owner, "PUT", "/api/household/" + household, "{\"name\": \"\"}").status()).isEqualTo(400);
    }

    @Test
    void aViewerSeesTheHouseholdButManagesNothing() {
        Joined viewer = join("viewer");
        String path = "/api/household/" + household;

        assertThat(api.get(path, bearer(viewer.token)).json().path("role").asString()).isEqualTo("viewer");
        for (ApiResponse refused : List.of(send(viewer.token, "PUT", path, "{\"name\": \"Mine\"}"),
                send(viewer.token, "DELETE", path, null),
                send(viewer.token, "PUT", memberPath(ownerSub), "{\"role\": \"viewer\"}"),
                send(viewer.token, "DELETE", memberPath(ownerSub), null),
                send(viewer.token, "POST", path + "/invitation", "{\"role\": \"owner\"}"),
                api.get(path + "/invitations", bearer(viewer.token)))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.error()).isEqualTo("This needs the owner role in this household (yours is viewer).");
        }
        assertThat(role(ownerSub)).isEqualTo("owner");
    }

    @Test
    void aHouseholdHoldingRowsIsNotDeletedAnEmptyOneIs() {
        Joined member = join("editor");
        send(owner, "PUT", "/api/household/" + household + "/default", "");
        send(member.token, "PUT", "/api/household/" + household + "/default", "");
        send(owner, "POST", "/api/container", "{\"name\": \"Attic\"}");

        ApiResponse full = send(owner, "DELETE", "/api/household/" + household, null);

        assertThat(full.status()).isEqualTo(409);
        assertThat(full.error()).isEqualTo("The household still holds containers, tags, items or photos.");
        long container = api.get("/api/containers", bearer(owner)).json().get(0).path("id").asLong();
        assertThat(send(owner, "DELETE", "/api/container/" + container, null).status()).isEqualTo(204);

        assertThat(send(member.token, "DELETE", "/api/household/" + household, null).status()).isEqualTo(403);
        assertThat(send(owner, "DELETE", "/api/household/" + household, null).status()).isEqualTo(204);

        // Their default gone, both fall back to their oldest household.
        for (String token : new String[] {owner, member.token}) {
            JsonNode me = api.get("/api/me", bearer(token)).json();
            assertThat(me.path("default_household_id").asLong()).isNotEqualTo(household);
            assertThat(me.path("households")).hasSize(1);
        }
    }

    @Test
    void anOwnerChangesRolesButTheLastOwnerStaysOne() {
        Joined viewer = join("viewer");

        ApiResponse promoted = send(owner, "PUT", memberPath(viewer.sub), "{\"role\": \"editor\"}");
        ApiResponse lastOwner = send(owner, "PUT", memberPath(ownerSub), "{\"role\": \"editor\"}");

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().path("sub").asString()).isEqualTo(viewer.sub);
        assertThat(promoted.json().path("role").asString()).isEqualTo("editor");
        assertThat(lastOwner.status()).isEqualTo(409);
        assertThat(lastOwner.error()).isEqualTo("A household needs an owner: make another member an owner first.");
        assertThat(send(owner, "PUT", memberPath(viewer.sub), "{\"role\": \"owner\"}").status()).isEqualTo(200);
        assertThat(send(owner, "PUT", memberPath(ownerSub), "{\"role\": \"viewer\"}").status()).isEqualTo(200);
        assertThat(send(owner, "PUT", memberPath(viewer.sub), "{\"role\": \"editor\"}").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"role\": \"admin\"}", "{\"role\": \"Owner\"}", "{}", "{\"role\": 1}", "{\"role\""})
    void anUnknownRoleIs400(String body) {
        Joined viewer = join("viewer");

        ApiResponse response = send(owner, "PUT", memberPath(viewer.sub), body);

        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(role(viewer.sub)).isEqualTo("viewer");
    }

    @Test
    void anUnknownMemberIs404() {
        ApiResponse response = send(owner, "PUT", memberPath("nobody-" + UUID.randomUUID()), "{\"role\": \"editor\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("Member not found.");
    }

    @Test
    void aMemberLeavesAnOwnerRemovesOthersTheLastOwnerCannotLeave() {
        Joined leaving = join("editor");
        Joined removed = join("viewer");

        assertThat(send(removed.token, "DELETE", memberPath(leaving.sub), null).status()).isEqualTo(403);
        assertThat(send(leaving.token, "DELETE", memberPath(leaving.sub), null).status()).isEqualTo(204);
        assertThat(send(owner, "DELETE", memberPath(removed.sub), null).status()).isEqualTo(204);
        ApiResponse lastOwner = send(owner, "DELETE", memberPath(ownerSub), null);

        assertThat(lastOwner.status()).isEqualTo(409);
        assertThat(api.get("/api/household/" + household, bearer(leaving.token)).status()).isEqualTo(404);
        assertThat(api.get("/api/household/" + household, bearer(owner)).json().path("members")).hasSize(1);
    }

    @Test
    void aUserLeftWithNoHouseholdGetsANewPersonalOne() {
        String sub = "members-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();
        long personal = api.get("/api/me", bearer(token)).json().path("default_household_id").asLong();
        send(token, "POST", "/api/household", "{\"name\": \"Spare\"}");
        JsonNode households = api.get("/api/households", bearer(token)).json();
        for (JsonNode each : households) {
            long id = each.path("id").asLong();
            assertThat(send(token, "DELETE", "/api/household/" + id, null).status()).isEqualTo(204);
        }

        JsonNode me = api.get("/api/me", bearer(token)).json();

        assertThat(me.path("default_household_id").asLong()).isNotEqualTo(personal).isPositive();
        assertThat(me.path("households")).hasSize(1);
        assertThat(me.path("households").get(0).path("name").asString()).isEqualTo("Personal");
    }

    private record Joined(String sub, String token) {
    }

    /** A member as an invitation would make one (the invitation flow has its own tests). */
    private Joined join(String role) {
        String sub = role + "-" + UUID.randomUUID();
        String token = ISSUER.token().subject(sub).build();
        api.get("/api/me", bearer(token));
        jdbc.sql("INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, :role)")
                .param("sub", sub).param("household", household).param("role", role).update();
        return new Joined(sub, token);
    }

    private String role(String sub) {
        return jdbc.sql("SELECT role FROM memberships WHERE sub = :sub AND household_id = :household")
                .param("sub", sub).param("household", household).query(String.class).single();
    }

    private String memberPath(String sub) {
        return "/api/household/" + household + "/member/" + sub;
    }

    private ApiResponse send(String token, String method, String path, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return api.send(method, path, "application/json", body, bearer(token));
    }
}
