package catdata.item;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.TestImages;

/**
 * Requests that touch the same item at once: each gets the answer it would get alone, in some
 * order, and no change is lost. Saving an item and deleting its container or photo lock the
 * same rows, so they must lock them in the same order, or the database would break the
 * deadlock by failing one of them.
 */
class ItemRaceTest extends ApiTest {

    private static final int ROUNDS = 40;
    private static final ExecutorService PAIR = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stop() {
        PAIR.shutdownNow();
    }

    /** The front end saves whole objects, so every save names the item's container again. */
    @Test
    void savingAnItemWhileItsContainerIsDeletedKeepsBoth() {
        String token = newUserToken();

        for (int round = 0; round < ROUNDS; round++) {
            long box = create(token, "/api/container", "{\"name\": \"Box " + round + "\"}");
            long item = create(token, "/api/item", "{\"name\": \"Teapot\", \"container_id\": " + box + "}");
            List<ApiResponse> both = atOnce(
                    () -> json(token, "PUT", "/api/item/" + item,
                            "{\"name\": \"Tea pot\", \"container_id\": " + box + "}"),
                    () -> api.delete("/api/container/" + box, bearer(token)));

            assertThat(both.get(0).status()).as("%s", both.get(0)).isEqualTo(200);
            assertThat(both.get(1).status()).as("%s", both.get(1)).isEqualTo(409);
            assertThat(both.get(1).error()).isEqualTo("Container is not empty.");
        }
    }

    @Test
    void savingAnItemWhileItsPhotoIsDeletedEndsWithoutThePhoto() {
        String token = newUserToken();
        long box = create(token, "/api/container", "{\"name\": \"Box\"}");

        for (int round = 0; round < ROUNDS; round++) {
            ApiResponse upload = api.upload("/api/image", List.of(Part.file("p.png", "image/png", TestImages.png(3, 3))),
                    bearer(token));
            long photo = upload.json().path("id").asLong();
            long item = create(token, "/api/item",
                    "{\"name\": \"Teapot\", \"container_id\": " + box + ", \"image_id\": " + photo + "}");
            List<ApiResponse> both = atOnce(
                    () -> json(token, "PUT", "/api/item/" + item, "{\"name\": \"Tea pot\", \"image_id\": " + photo + "}"),
                    () -> api.delete("/api/image/" + photo, bearer(token)));

            ApiResponse save = both.get(0);
            assertThat(save.status()).as("%s", save).isIn(200, 400);
            if (save.status() == 400) {
                assertThat(save.error()).isEqualTo("image_id does not exist.");
            }
            assertThat(both.get(1).status()).as("%s", both.get(1)).isEqualTo(204);
            assertThat(api.get("/api/item/" + item, bearer(token)).json().path("image_id").isNull()).isTrue();
        }
    }

    /** Each save reads the item and writes it whole; without a row lock one of two saves would be lost. */
    @Test
    void twoSavesOfDifferentFieldsAtOnceKeepBothChanges() {
        String token = newUserToken();
        long box = create(token, "/api/container", "{\"name\": \"Box\"}");

        for (int round = 0; round < ROUNDS; round++) {
            long item = create(token, "/api/item", "{\"name\": \"Teapot\", \"container_id\": " + box + "}");
            String name = "Teapot " + round;
            String description = "Round " + round;
            List<ApiResponse> both = atOnce(
                    () -> json(token, "PATCH", "/api/item/" + item, "{\"name\": \"" + name + "\"}"),
                    () -> json(token, "PATCH", "/api/item/" + item, "{\"description\": \"" + description + "\"}"));

            assertThat(both).extracting(ApiResponse::status).containsOnly(200);
            JsonNode stored = api.get("/api/item/" + item, bearer(token)).json();
            assertThat(stored.path("name").asString()).isEqualTo(name);
            assertThat(stored.path("description").asString()).isEqualTo(description);
        }
    }

    private List<ApiResponse> atOnce(Supplier<ApiResponse> first, Supplier<ApiResponse> second) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<ApiResponse> a = CompletableFuture.supplyAsync(() -> await(start, first), PAIR);
        CompletableFuture<ApiResponse> b = CompletableFuture.supplyAsync(() -> await(start, second), PAIR);
        start.countDown();
        return List.of(a.join(), b.join());
    }

    private static ApiResponse await(CountDownLatch start, Supplier<ApiResponse> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    private long create(String token, String path, String body) {
        ApiResponse response = json(token, "POST", path, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private ApiResponse json(String token, String method, String path, String body) {
        return api.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), bearer(token));
    }
}
