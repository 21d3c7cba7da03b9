package catdata.web;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;
import catdata.support.TableChecksums;

/**
 * Thousands of generated malformed requests ({@link HostileRequests}) across every /api route, the
 * household calls included: none
 * may fail the server, each must be refused with a JSON error, and afterwards every row of every
 * table and every stored photo file is as it was.
 *
 * <p>The seed is random and printed; {@code -Dcatdata.fuzz.seed=N} replays a run.
 */
class HostileRequestFuzzTest extends ApiTest {

    private static final int REQUESTS = Integer.getInteger("catdata.fuzz.requests", 3000);

    private final RequestMappingHandlerMapping handlerMapping;
    private final JdbcClient jdbc;

    @Autowired
    HostileRequestFuzzTest(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping,
            JdbcClient jdbc) {
        this.handlerMapping = handlerMapping;
        this.jdbc = jdbc;
    }

    @Test
    void malformedRequestsAreAllRefusedWithJsonAndChangeNothing() {
        long seed = Long.getLong("catdata.fuzz.seed", new SecureRandom().nextLong());
        String replay = "seed " + seed + " (replay with -Dcatdata.fuzz.seed=" + seed + ")";
        System.out.println("HostileRequestFuzzTest: " + replay);
        HostileRequests requests = new HostileRequests(handlerMapping, catalogue(), new RandomInput(new Random(seed)));
        Map<String, String> tablesBefore = TableChecksums.of(jdbc);
        List<String> filesBefore = storedFiles();

        List<String> mishandled = new ArrayList<>();
        Map<String, Integer> breakers = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            HostileRequest request = requests.next();
            request.breakers().forEach(breaker -> breakers.merge(breaker.replaceAll(" \\d+$", ""), 1, Integer::sum));
            String problem = problemWith(request);
            if (problem != null) {
                mishandled.add("#" + i + " " + request + "\n    -> " + problem);
            }
        }
        System.out.println("HostileRequestFuzzTest: " + REQUESTS + " requests to " + requests.routes() + " routes, "
                + mishandled.size() + " mishandled; breakers used: " + breakers);

        assertThat(requests.routes()).isGreaterThanOrEqualTo(30);
        assertThat(mishandled).as("%d of %d requests mishandled; %s", mishandled.size(), REQUESTS, replay).isEmpty();
        assertThat(TableChecksums.of(jdbc)).as("rows after the run; %s", replay).isEqualTo(tablesBefore);
        assertThat(storedFiles()).as("photo files after the run; %s", replay).isEqualTo(filesBefore);
    }

    /** What is wrong with the answer to a request that must be refused, or null if nothing. */
    private String problemWith(HostileRequest request) {
        ApiResponse response;
        try {
            response = request.send(api);
        } catch (RuntimeException e) {
            return "no answer: " + e;
        }
        if (response.status() < 400 || response.status() >= 500) {
            return "status " + response;
        }
        String contentType = response.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "not a JSON error (" + contentType + "): " + response;
        }
        try {
            if (response.error().isBlank()) {
                return "no error member: " + response;
            }
        } catch (RuntimeException e) {
            return "unreadable JSON: " + response;
        }
        return null;
    }

    /**
     * A small catalogue in the caller's household (containers, tags, items, a photo), another member
     * and a pending invitation there, and a stranger with their own catalogue and an invitation the
     * caller could accept.
     */
    private HostileRequests.Catalogue catalogue() {
        String token = newUserToken();
        CatalogueFixtures mine = new CatalogueFixtures(api, token);
        long box = mine.container("Box");
        long attic = mine.container("Attic");
        long blue = mine.tag("Blue");
        long red = mine.tag("Red");
        long photo = mine.photo();
        mine.itemId("Cup", attic);
        long mug = CatalogueFixtures.id(mine.item("{\"name\": \"Mug\", \"description\": \"blue\", \"container_id\": "
                + box + ", \"image_id\": " + photo + ", \"tags\": [" + blue + ", " + red + "]}"));
        long household = me(token).path("default_household_id").asLong();
        String partner = newUserToken();
        accept(partner, invite(token, household).path("code").asString());
        long invitation = invite(token, household).path("id").asLong();

        String strangerToken = newUserToken();
        CatalogueFixtures stranger = new CatalogueFixtures(api, strangerToken);
        long strangersBox = stranger.container("Box");
        long strangersItem = stranger.itemId("Cup", strangersBox);
        long strangersHousehold = me(strangerToken).path("default_household_id").asLong();
        JsonNode strangersInvitation = invite(strangerToken, strangersHousehold);
        assertThat(api.get("/api/items", bearer(token)).json().size()).isEqualTo(2);
        assertThat(api.get("/api/household/" + household, bearer(token)).json().path("members").size()).isEqualTo(2);
        return new HostileRequests.Catalogue(token, household, box, attic, blue, mug, photo,
                me(partner).path("sub").asString(), invitation, strangersInvitation.path("code").asString(),
                strangersHousehold, strangersBox, stranger.tag("Blue"), strangersItem, stranger.photo(),
                me(strangerToken).path("sub").asString(), strangersInvitation.path("id").asLong());
    }

    private JsonNode me(String token) {
        return api.get("/api/me", bearer(token)).json();
    }

    private JsonNode invite(String token, long household) {
        return CatalogueFixtures.created(CatalogueFixtures.sendJson(api, "POST",
                "/api/household/" + household + "/invitation", token, "{\"role\": \"editor\"}"));
    }

    private void accept(String token, String code) {
        assertThat(CatalogueFixtures.sendJson(api, "POST", "/api/invitation/accept", token,
                "{\"code\": \"" + code + "\"}").status()).isEqualTo(200);
    }

    /** Every file under the photo directory, with its size. */
    private static List<String> storedFiles() {
        try (Stream<Path> files = Files.walk(IMAGES_DIR)) {
            return files.filter(Files::isRegularFile).map(file -> IMAGES_DIR.relativize(file) + " " + size(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
