package catdata.item;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.id;
import static catdata.support.CatalogueFixtures.inParallel;
import static catdata.support.CatalogueFixtures.json;
import static catdata.support.CatalogueFixtures.sendJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;

/**
 * Requests that touch the same item at once: each gets the answer it would get alone, in some
 * order, and no change is lost. Saving an item and deleting its container or photo lock the
 * same rows, so they must lock them in the same order, or the database would break the
 * deadlock by failing one of them.
 */
class ItemRaceTest extends ApiTest {

    private static final int ROUNDS = 40;

    /** The front end saves whole objects, so every save names the item's container again. */
    @Test
    void savingAnItemWhileItsContainerIsDeletedKeepsBoth() {
        String token = newUserToken();
        CatalogueFixtures user = new CatalogueFixtures(api, token);

        for (int round = 0; round < ROUNDS; round++) {
            long box = user.container("Box " + round);
            long item = user.itemId("Teapot", box);
            List<ApiResponse> both = inParallel(List.of(
                    () -> sendJson(api, "PUT", "/api/item/" + item, token,
                            "{\"name\": \"Tea pot\", \"container_id\": " + box + "}"),
                    () -> api.delete("/api/container/" + box, bearer(token))));

            assertThat(both.get(0).status()).as("%s", both.get(0)).isEqualTo(200);
            assertThat(both.get(1).status()).as("%s", both.get(1)).isEqualTo(409);
            assertThat(both.get(1).error()).isEqualTo("Container is not empty.");
        }
    }

    @Test
    void savingAnItemWhileItsPhotoIsDeletedEndsWithoutThePhoto() {
        String token = newUserToken();
        CatalogueFixtures user = new CatalogueFixtures(api, token);
        long box = user.container("Box");

        for (int round = 0; round < ROUNDS; round++) {
            long photo = user.photo();
            long item = id(user.item(
                    "{\"name\": \"Teapot\", \"container_id\": " + box + ", \"image_id\": " + photo + "}"));
            List<ApiResponse> both = inParallel(List.of(
                    () -> sendJson(api, "PUT", "/api/item/" + item, token,
                            "{\"name\": \"Tea pot\", \"image_id\": " + photo + "}"),
                    () -> api.delete("/api/image/" + photo, bearer(token))));

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
        CatalogueFixtures user = new CatalogueFixtures(api, token);
        long box = user.container("Box");

        for (int round = 0; round < ROUNDS; round++) {
            long item = user.itemId("Teapot", box);
            String name = "Teapot " + round;
            String description = "Round " + round;
            List<ApiResponse> both = inParallel(List.of(
                    () -> sendJson(api, "PATCH", "/api/item/" + item, token, json("name", name)),
                    () -> sendJson(api, "PATCH", "/api/item/" + item, token, json("description", description))));

            assertThat(both).extracting(ApiResponse::status).containsOnly(200);
            JsonNode stored = api.get("/api/item/" + item, bearer(token)).json();
            assertThat(stored.path("name").asString()).isEqualTo(name);
            assertThat(stored.path("description").asString()).isEqualTo(description);
        }
    }
}
