package catdata;

import static catdata.NamedResource.withEach;
import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static catdata.support.CatalogueFixtures.id;
import static catdata.support.CatalogueFixtures.inParallel;
import static catdata.support.CatalogueFixtures.json;
import static catdata.support.CatalogueFixtures.names;
import static catdata.support.CatalogueFixtures.sendJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TokenBuilder;

/** The names of containers and tags: required, trimmed, bounded, clean text, unique per user whatever the case. */
class NameRulesTest extends ApiTest {

    private static final String NAME_REQUIRED = "Name is required.";
    private static final String NAME_TOO_LONG = "Name must be at most 255 characters.";
    private static final String NAME_WITH_NUL = "Name must not contain NUL characters.";
    private static final String CAT = "\uD83D\uDC31";

    private final JdbcClient jdbc;

    @Autowired
    NameRulesTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Stream<Arguments> aNameIsRequired() {
        return withEach("{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"   \"}", "{\"name\": \"\\t\\n\"}",
                "{\"description\": \"only\"}");
    }

    @ParameterizedTest
    @MethodSource
    void aNameIsRequired(NamedResource resource, String body) {
        assertBadRequest(resource.post(api, newUserToken(), body), NAME_REQUIRED);
    }

    static Stream<Arguments> aRenameCannotRemoveTheName() {
        return withEach("{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"  \"}", "{\"name\": \" \\t \"}",
                "{\"name\": null, \"description\": \"x\"}");
    }

    @ParameterizedTest
    @MethodSource
    void aRenameCannotRemoveTheName(NamedResource resource, String body) {
        String token = newUserToken();
        JsonNode row = resource.create(api, token, "Box");

        assertBadRequest(sendJson(api, "PUT", resource.path(id(row)), token, body), NAME_REQUIRED);
        assertBadRequest(sendJson(api, "PATCH", resource.path(id(row)), token, body), NAME_REQUIRED);
        assertThat(api.get(resource.path(id(row)), bearer(token)).json()).isEqualTo(row);
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void aNameOf255CharactersIsAcceptedAnd256Refused(NamedResource resource) {
        String token = newUserToken();

        ApiResponse longest = resource.post(api, token, json("name", " \t" + "n".repeat(255) + "  "));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
        assertThat(longest.json().path("name").asString()).isEqualTo("n".repeat(255));

        assertBadRequest(resource.post(api, token, json("name", "m".repeat(256))), NAME_TOO_LONG);
    }

    static Stream<Arguments> aRenameIsBoundedLikeACreate() {
        return withEach("PUT", "PATCH");
    }

    @ParameterizedTest
    @MethodSource
    void aRenameIsBoundedLikeACreate(NamedResource resource, String method) {
        String token = newUserToken();
        long id = id(resource.create(api, token, "Box"));

        assertBadRequest(sendJson(api, method, resource.path(id), token, json("name", "m".repeat(256))), NAME_TOO_LONG);
        assertThat(sendJson(api, method, resource.path(id), token, json("name", "m".repeat(255))).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void nameLengthCountsCharactersNotUtf16Units(NamedResource resource) {
        String token = newUserToken();

        ApiResponse longest = resource.post(api, token, json("name", CAT.repeat(255)));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
        assertThat(longest.json().path("name").asString()).isEqualTo(CAT.repeat(255));

        assertBadRequest(resource.post(api, token, json("name", "x" + CAT.repeat(255))), NAME_TOO_LONG);
        assertBadRequest(resource.post(api, token, json("name", CAT.repeat(256))), NAME_TOO_LONG);
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void aNulCharacterIsRefused(NamedResource resource) {
        String token = newUserToken();

        assertBadRequest(resource.post(api, token, json("name", "a\u0000b")), NAME_WITH_NUL);
        long id = id(resource.create(api, token, "Box"));
        assertBadRequest(sendJson(api, "PATCH", resource.path(id), token, json("name", "\u0000")), NAME_WITH_NUL);
    }

    /** JSON can escape half of a surrogate pair; PostgreSQL's driver would store it as '?'. */
    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark(NamedResource resource) {
        String token = newUserToken();

        assertBadRequest(resource.post(api, token, "{\"name\": \"Box \\ud800\"}"), "Name must be valid Unicode text.");
        assertThat(names(api.get(resource.list, bearer(token)))).isEmpty();
    }

    static Stream<Arguments> aNameTheUserAlreadyHasIsAConflictWhateverItsCase() {
        return withEach("Box", "BOX", "box", "  bOx  ", " bOx\t");
    }

    @ParameterizedTest
    @MethodSource
    void aNameTheUserAlreadyHasIsAConflictWhateverItsCase(NamedResource resource, String again) {
        String token = newUserToken();
        resource.create(api, token, "Box");

        ApiResponse response = resource.post(api, token, json("name", again));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(resource.taken);
        assertThat(names(api.get(resource.list, bearer(token)))).containsExactly("Box");
    }

    static Stream<Arguments> putAndPatch() {
        return withEach("PUT", "PATCH");
    }

    @ParameterizedTest
    @MethodSource("putAndPatch")
    void renamingToAnotherOnesNameIsAConflict(NamedResource resource, String method) {
        String token = newUserToken();
        resource.create(api, token, "Attic");
        JsonNode box = resource.create(api, token, "Box");

        ApiResponse response = sendJson(api, method, resource.path(id(box)), token, json("name", "ATTIC"));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(resource.taken);
        assertThat(api.get(resource.path(id(box)), bearer(token)).json()).isEqualTo(box);
    }

    @ParameterizedTest
    @MethodSource("putAndPatch")
    void aRenameToItsOwnNameInAnotherCaseIsAccepted(NamedResource resource, String method) {
        String token = newUserToken();
        long id = id(resource.create(api, token, "garage"));

        ApiResponse response = sendJson(api, method, resource.path(id), token, json("name", "Garage"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("Garage");
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void anotherUserMayUseTheSameName(NamedResource resource) {
        resource.create(api, newUserToken(), "Box");

        assertThat(resource.post(api, newUserToken(), json("name", "box")).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(NamedResource.class)
    void ofTwentyParallelCreatesOfOneNameExactlyOneSucceeds(NamedResource resource) {
        TokenBuilder user = ISSUER.token();
        String token = user.build();

        List<ApiResponse> responses = inParallel(20, () -> resource.post(api, token, json("name", "Race")));

        Map<Integer, Long> statuses = responses.stream()
                .collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
        assertThat(statuses).as(responses.toString()).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 19L));
        responses.stream().filter(response -> response.status() == 409)
                .forEach(response -> assertThat(response.error()).isEqualTo(resource.taken));
        assertThat(resource.rowsOf(jdbc, user.subject())).isEqualTo(1);
    }
}
