package catdata.household;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;

/** Invitations: made by an owner, shown once, accepted once, before they expire. */
class InvitationApiTest extends ApiTest {

    private final JdbcClient jdbc;

    private String owner;
    private long household;

    @Autowired
    InvitationApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void aHouseholdToInviteInto() {
        owner = newUserToken();
        household = send(owner, "POST", "/api/household", "{\"name\": \"Family\"}").json().path("id").asLong();
    }

    @Test
    void anInvitationIsShownOnceAndMakesItsAcceptorAMemberWithItsRole() {
        ApiResponse created = invite("{\"role\": \"viewer\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode invitation = created.json();
        assertThat(invitation.propertyNames()).containsExactlyInAnyOrder("id", "code", "role", "expires_at");
        assertThat(invitation.path("role").asString()).isEqualTo("viewer");
        assertThat(invitation.path("code").asString()).matches("[A-Za-z0-9_-]{22,}");
        assertThat(Instant.parse(invitation.path("expires_at").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        JsonNode pending = api.get(invitations(), bearer(owner)).json();
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).has("code")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM invitations WHERE encode(code_sha256, 'escape') LIKE :code")
                .param("code", "%" + invitation.path("code").asString() + "%").query(Long.class).single()).isZero();

        String guest = newUserToken();
        ApiResponse accepted = accept(guest, invitation.path("code").asString());

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("household_id").asLong()).isEqualTo(household);
        assertThat(accepted.json().path("role").asString()).isEqualTo("viewer");
        assertThat(api.get("/api/containers?household=" + household, bearer(guest)).status()).isEqualTo(200);
        assertThat(api.get(invitations(), bearer(owner)).json()).isEmpty();
        ApiResponse again = accept(newUserToken(), invitation.path("code").asString());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo("Invitation not found.");
    }

    @Test
    void twoAcceptsAtOnceLetExactlyOneIn() throws Exception {
        String code = invite("{\"role\": \"editor\"}").json().path("code").asString();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> accepts = List.of(newUserToken(), newUserToken()).stream()
                .map(token -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return accept(token, code).status();
                })).toList();

        assertThat(List.of(accepts.get(0).get(), accepts.get(1).get())).containsExactlyInAnyOrder(200, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM memberships WHERE household_id = :h").param("h", household)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anExpiredInvitationIsGoneARevokedOneNotFound() throws InterruptedException {
        String expiring = invite("{\"role\": \"editor\", \"expires_in\": 1}").json().path("code").asString();
        JsonNode revoked = invite("{\"role\": \"editor\"}").json();
        assertThat(send(owner, "DELETE", invitations().replace("invitations", "invitation/")
                + revoked.path("id").asLong(), null).status()).isEqualTo(204);
        Thread.sleep(1100);

        ApiResponse expired = accept(newUserToken(), expiring);
        ApiResponse gone = accept(newUserToken(), revoked.path("code").asString());

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.error()).isEqualTo("Invitation expired.");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM memberships WHERE household_id = :h").param("h", household)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMemberAcceptingAgainIs409AndTheCodeStaysUsable() {
        String code = invite("{\"role\": \"editor\"}").json().path("code").asString();

        ApiResponse already = accept(owner, code);

        assertThat(already.status()).isEqualTo(409);
        assertThat(accept(newUserToken(), code).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"role\": \"admin\"}", "{}", "{\"role\": \"editor\", \"expires_in\": 0}",
        "{\"role\": \"editor\", \"expires_in\": 2592001}", "{\"role\": \"editor\", \"expires_in\": \"soon\"}",
        "{\"role\": \"editor\""})
    void aBadInvitationIs400AndMakesNone(String body) {
        assertThat(invite(body).status()).as(body).isEqualTo(400);
        assertThat(api.get(invitations(), bearer(owner)).json()).isEmpty();
    }

    @Test
    void onlyOwnersInviteListAndRevoke() {
        String code = invite("{\"role\": \"editor\"}").json().path("code").asString();
        String editor = newUserToken();
        accept(editor, code);

        assertThat(send(editor, "POST", "/api/household/" + household + "/invitation", "{\"role\": \"viewer\"}")
                .status()).isEqualTo(403);
        assertThat(api.get(invitations(), bearer(editor)).status()).isEqualTo(403);
        assertThat(api.get(invitations(), bearer(newUserToken())).status()).isEqualTo(404);
        assertThat(send(owner, "DELETE", "/api/household/" + household + "/invitation/" + Long.MAX_VALUE, null)
                .status()).isEqualTo(404);
    }

    @Test
    void tooManyWrongCodesAre429WithRetryAfter() {
        String sub = "guesser-" + UUID.randomUUID();
        String guesser = ISSUER.token().subject(sub).build();
        for (int i = 0; i < FailedAccepts.LIMIT; i++) {
            assertThat(accept(guesser, "wrong-" + i).status()).isEqualTo(404);
        }

        ApiResponse limited = accept(guesser, invite("{\"role\": \"viewer\"}").json().path("code").asString());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, FailedAccepts.WINDOW.toSeconds() + 1);
        assertThat(accept(newUserToken(), "wrong").status()).isEqualTo(404);
    }

    private ApiResponse invite(String body) {
        return send(owner, "POST", "/api/household/" + household + "/invitation", body);
    }

    private String invitations() {
        return "/api/household/" + household + "/invitations";
    }

    private ApiResponse accept(String token, String code) {
        return send(token, "POST", "/api/invitation/accept", "{\"code\": \"" + code + "\"}");
    }

    private ApiResponse send(String token, String method, String path, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return api.send(method, path, "application/json", body, bearer(token));
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
