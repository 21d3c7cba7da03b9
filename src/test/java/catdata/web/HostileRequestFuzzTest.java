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

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;
import catdata.support.TableChecksums;

/**
 * Thousands of generated malformed requests ({@link HostileRequests}) across every /api route: none
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

    /** A small catalogue for the caller (containers, tags, items, a photo) and one for a stranger. */
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
        CatalogueFixtures stranger = new CatalogueFixtures(api, newUserToken());
        long strangersBox = stranger.container("Box");
        long strangersItem = stranger.itemId("Cup", strangersBox);
        assertThat(api.get("/api/items", bearer(token)).json().size()).isEqualTo(2);
        return new HostileRequests.Catalogue(token, box, attic, blue, mug, photo, strangersBox, stranger.tag("Blue"),
                strangersItem, stranger.photo());
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
