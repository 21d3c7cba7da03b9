package catdata.support;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalogue data made through the API, as the front end makes it, so a test reads as the requests
 * it is about, and the checks every catalogue endpoint shares. Every helper that makes data checks
 * that the request it needed succeeded, naming the answer if not, so a test fails where its setup
 * went wrong.
 *
 * <p>The static {@code create...} methods answer the created row; an instance is one user's
 * catalogue ({@code new CatalogueFixtures(api, token)}) and answers ids, for tests that build many rows.
 */
public final class CatalogueFixtures {

    /** How every timestamp is sent: JavaScript's {@code Date.toISOString()}. */
    public static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final String token;

    public CatalogueFixtures(ApiClient api, String token) {
        this.api = api;
        this.token = token;
    }

    // --- one user's catalogue ---

    public long container(String name) {
        return id(createContainer(api, token, name));
    }

    public long tag(String name) {
        return id(createTag(api, token, name));
    }

    public long photo() {
        ApiResponse response = api.upload("/api/image",
                List.of(ApiClient.Part.file("a.png", "image/png", TestImages.png(4, 4))), bearer(token));
        return id(created(response));
    }

    /** An item with the given tags and no description or photo; the answer to its creation. */
    public JsonNode item(String name, long containerId, long... tagIds) {
        return createItem(api, token, name, containerId, tagIds);
    }

    public long itemId(String name, long containerId, long... tagIds) {
        return id(item(name, containerId, tagIds));
    }

    /** An item from a raw request body, which must be accepted. */
    public JsonNode item(String body) {
        return created(sendJson(api, "POST", "/api/item", token, body));
    }

    // --- rows for any user ---

    public static JsonNode createContainer(ApiClient api, String token, String name) {
        return created(sendJson(api, "POST", "/api/container", token, json("name", name)));
    }

    public static JsonNode createTag(ApiClient api, String token, String name) {
        return created(sendJson(api, "POST", "/api/tag", token, json("name", name)));
    }

    public static JsonNode createItem(ApiClient api, String token, String name, long containerId, long... tagIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("container_id", containerId);
        body.put("tags", Arrays.stream(tagIds).boxed().toList());
        return created(sendJson(api, "POST", "/api/item", token, JSON.writeValueAsString(body)));
    }

    // --- requests and bodies ---

    /** Sends {@code json} as an {@code application/json} body with the user's token. */
    public static ApiResponse sendJson(ApiClient api, String method, String path, String token, String json) {
        return api.send(method, path, "application/json", utf8(json), bearer(token));
    }

    /**
     * A JSON object of the given name/value pairs, written by Jackson so that any text (emoji, NUL,
     * quotes) arrives exactly as given; a {@code null} value is sent as JSON {@code null}.
     */
    public static String json(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.writeValueAsString(body);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array of ids. */
    public static String ids(long... ids) {
        return Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    public static long id(JsonNode row) {
        return row.path("id").asLong();
    }

    /** The {@code name} of every element of a JSON array answer, in order. */
    public static List<String> names(ApiResponse list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().valueStream().map(row -> row.path("name").asString()).toList();
    }

    /** Sends {@code times} copies of one request at once; see {@link #inParallel(List)}. */
    public static List<ApiResponse> inParallel(int times, Supplier<ApiResponse> request) {
        return inParallel(Collections.nCopies(times, request));
    }

    /**
     * Sends the requests at once (all threads wait at a gate, then go) and returns every answer, in
     * the order of the requests. {@link ApiClient} is safe to share: its {@code HttpClient} is.
     */
    public static List<ApiResponse> inParallel(List<Supplier<ApiResponse>> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (Supplier<ApiResponse> request : requests) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.get();
                }));
            }
            ready.await();
            go.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("A parallel request failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** An error answer: the status, a problem+json body and its {@code error} member. */
    public static void assertError(ApiResponse response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.error()).isEqualTo(error);
    }

    public static void assertBadRequest(ApiResponse response, String error) {
        assertError(response, 400, error);
    }

    /** One page of a list: the names on it, in order, and the total in {@code X-Total-Count}. */
    public static void assertPage(ApiResponse response, long total, String... names) {
        assertThat(names(response)).containsExactly(names);
        assertThat(response.header("X-Total-Count")).isEqualTo(Long.toString(total));
    }

    /** Both timestamps in the wire format and set by the server just now (not taken from the body). */
    public static void assertFreshTimestamps(JsonNode row) {
        for (String field : List.of("created_at", "updated_at")) {
            assertThat(row.path(field).asString()).matches(ISO_MILLIS);
            assertThat(instant(row, field)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        }
    }

    public static Instant instant(JsonNode row, String field) {
        return Instant.parse(row.path(field).asString());
    }

    /** The answer to a create, which must have succeeded. */
    public static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
