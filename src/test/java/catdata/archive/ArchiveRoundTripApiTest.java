package catdata.archive;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;
import catdata.support.TestImages;
import catdata.support.TestPhotos;

/**
 * A household exported, imported into a new household and exported again gives the same catalogue
 * (its ids apart) and the same photo bytes; what the front end reads after the import is the catalogue
 * that was exported.
 */
class ArchiveRoundTripApiTest extends ApiTest {

    /** Text the API accepts that trips up careless code: quotes, commas, line breaks, formulas, emoji, RTL. */
    private static final String WEIRD = "Cup \"blue\", 50% off; =SUM(A1) \uD83D\uDC31 \u202Eevil\u202C e\u0301";

    private final JdbcClient jdbc;

    @Autowired
    ArchiveRoundTripApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void anExportImportedIntoANewHouseholdExportsTheSameCatalogueAndPhotos() {
        String token = newUserToken();
        long household = household(token);
        Catalogue made = catalogueOf(token, household);
        byte[] first = export(token, household);

        long copy = newHousehold(token, "Copy");
        ApiResponse imported = importInto(token, copy, first);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().toString())
                .isEqualTo("{\"containers\":3,\"tags\":3,\"items\":4,\"photos\":4}");
        byte[] second = export(token, copy);
        assertThat(withoutIds(ArchiveBytes.catalogueOf(second))).isEqualTo(withoutIds(ArchiveBytes.catalogueOf(first)));
        Map<String, byte[]> firstEntries = ArchiveBytes.entriesOf(first);
        Map<String, byte[]> secondEntries = ArchiveBytes.entriesOf(second);
        assertThat(secondEntries.keySet()).isEqualTo(firstEntries.keySet());
        firstEntries.forEach((name, bytes) -> {
            if (name.startsWith("photos/")) {
                assertThat(secondEntries.get(name)).as(name).isEqualTo(bytes);
            }
        });
        assertThat(made.photoBytes()).allSatisfy(bytes -> assertThat(firstEntries.values()).contains(bytes));
    }

    @Test
    void theFrontEndReadsTheImportedCatalogueAsItWasExported() {
        String token = newUserToken();
        long household = household(token);
        catalogueOf(token, household);
        byte[] archive = export(token, household);
        long copy = newHousehold(token, "Copy");
        assertThat(importInto(token, copy, archive).status()).isEqualTo(200);

        String[] inCopy = {"Authorization", "Bearer " + token, "X-Household", Long.toString(copy)};
        String[] inOriginal = {"Authorization", "Bearer " + token, "X-Household", Long.toString(household)};
        assertThat(CatalogueFixtures.names(api.get("/api/containers", inCopy)))
                .isEqualTo(CatalogueFixtures.names(api.get("/api/containers", inOriginal)));
        assertThat(CatalogueFixtures.names(api.get("/api/tags", inCopy)))
                .isEqualTo(CatalogueFixtures.names(api.get("/api/tags", inOriginal)));
        JsonNode items = api.get("/api/items", inCopy).json();
        JsonNode originalItems = api.get("/api/items", inOriginal).json();
        assertThat(items.size()).isEqualTo(originalItems.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            JsonNode original = originalItems.get(i);
            for (String field : List.of("name", "description", "containerName", "created_at", "updated_at",
                    "created_by", "updated_by")) {
                assertThat(item.path(field)).as("%s of item %d", field, i).isEqualTo(original.path(field));
            }
            assertThat(item.path("tags").size()).isEqualTo(original.path("tags").size());
            assertThat(item.path("image_id").isNull()).isEqualTo(original.path("image_id").isNull());
            if (!item.path("image_id").isNull()) {
                ApiResponse photo = api.get("/api/image/" + item.path("image_id").asLong(), inCopy);
                ApiResponse originalPhoto = api.get("/api/image/" + original.path("image_id").asLong(), inOriginal);
                assertThat(photo.status()).isEqualTo(200);
                assertThat(photo.body()).isEqualTo(originalPhoto.body());
                assertThat(api.get("/api/image/" + item.path("image_id").asLong() + "?size=thumb", inCopy).status())
                        .isEqualTo(200);
            }
        }
    }

    /**
     * Three containers (one empty), three tags (one unused), four photos (two of the same bytes, one
     * no item shows) and four items, one of them made by another member, one with weird text.
     */
    private Catalogue catalogueOf(String token, long household) {
        String editorSub = "editor-" + UUID.randomUUID();
        String editor = ISSUER.token().subject(editorSub).build();
        api.get("/api/me", bearer(editor));
        jdbc.sql("INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, 'editor')")
                .param("sub", editorSub).param("household", household).update();

        CatalogueFixtures mine = new CatalogueFixtures(api, token);
        long garage = mine.container("Garage");
        long attic = CatalogueFixtures.id(CatalogueFixtures.created(CatalogueFixtures.sendJson(api, "POST",
                "/api/container", token, CatalogueFixtures.json("name", WEIRD, "description", "line 1\nline 2\r\n\t"))));
        mine.container("Empty shelf");
        long tools = mine.tag("tools");
        long weird = mine.tag("=1+1 " + WEIRD);
        mine.tag("unused");
        List<byte[]> photos = List.of(TestImages.png(40, 30), TestPhotos.cameraJpeg(64, 48), TestImages.lossyWebp(),
                TestImages.png(40, 30));
        List<Long> photoIds = new ArrayList<>();
        for (byte[] photo : photos) {
            ApiResponse uploaded = api.upload("/api/image", List.of(Part.file("IMG 1.jpg", "image/jpeg", photo)),
                    bearer(token));
            photoIds.add(CatalogueFixtures.id(CatalogueFixtures.created(uploaded)));
        }
        mine.item(CatalogueFixtures.json("name", "Hammer", "container_id", garage, "image_id", photoIds.get(0),
                "tags", List.of(tools)));
        mine.item(CatalogueFixtures.json("name", WEIRD, "description", WEIRD + "\n" + WEIRD, "container_id", attic,
                "image_id", photoIds.get(1), "tags", List.of(tools, weird)));
        mine.item(CatalogueFixtures.json("name", "Same photo again", "container_id", attic, "image_id",
                photoIds.get(3)));
        CatalogueFixtures.created(CatalogueFixtures.sendJson(api, "POST", "/api/item?household=" + household, editor,
                CatalogueFixtures.json("name", "Editor's", "container_id", garage)));
        List<byte[]> stored = photoIds.stream().map(id -> api.get("/api/image/" + id, bearer(token)).body()).toList();
        return new Catalogue(stored);
    }

    private record Catalogue(List<byte[]> photoBytes) {
    }

    /**
     * The catalogue with every row's position in its list instead of its id, and every reference by
     * that position; {@code exported_at} left out.
     */
    static ObjectNode withoutIds(ObjectNode catalogue) {
        ObjectNode copy = catalogue.deepCopy();
        copy.remove("exported_at");
        Map<String, Map<Long, Integer>> positions = new HashMap<>();
        for (String section : List.of("containers", "tags", "photos", "items")) {
            Map<Long, Integer> byId = new HashMap<>();
            ArrayNode rows = (ArrayNode) copy.path(section);
            for (int i = 0; i < rows.size(); i++) {
                byId.put(rows.get(i).path("id").asLong(), i);
                ((ObjectNode) rows.get(i)).put("id", i);
            }
            positions.put(section, byId);
        }
        for (JsonNode item : copy.path("items")) {
            ObjectNode row = (ObjectNode) item;
            row.put("container_id", positions.get("containers").get(row.path("container_id").asLong()));
            if (!row.path("photo_id").isNull()) {
                row.put("photo_id", positions.get("photos").get(row.path("photo_id").asLong()));
            }
            ArrayNode tags = row.putArray("tags");
            item.path("tags");
            for (JsonNode tag : catalogueTags(catalogue, row)) {
                tags.add(positions.get("tags").get(tag.asLong()));
            }
        }
        return copy;
    }

    private static JsonNode catalogueTags(ObjectNode original, ObjectNode item) {
        int position = item.path("id").asInt();
        return original.path("items").get(position).path("tags");
    }

    private long household(String token) {
        return api.get("/api/me", bearer(token)).json().path("default_household_id").asLong();
    }

    private long newHousehold(String token, String name) {
        return CatalogueFixtures.id(CatalogueFixtures.created(CatalogueFixtures.sendJson(api, "POST", "/api/household",
                token, CatalogueFixtures.json("name", name))));
    }

    private byte[] export(String token, long household) {
        ApiResponse response = api.get("/api/export", "Authorization", "Bearer " + token, "X-Household",
                Long.toString(household));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private ApiResponse importInto(String token, long household, byte[] archive) {
        return api.upload("/api/import", List.of(Part.file("export.zip", "application/zip", archive)),
                "Authorization", "Bearer " + token, "X-Household", Long.toString(household));
    }
}
