package catdata.archive;

import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;
import catdata.support.TestImages;

/** {@code GET /api/export}: the archive's layout and catalogue, the CSV of items, and what is refused. */
class ExportApiTest extends ApiTest {

    @Test
    void theArchiveIsAnAttachmentNamedAfterTheHouseholdAndTheDay() {
        String token = newUserToken();
        long household = household(token);

        ApiResponse response = api.get("/api/export", bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/zip");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"cat-data-" + household
                + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip\"");
        assertThat(ArchiveBytes.names(response.body())).containsExactly("catalogue.json");
        JsonNode catalogue = ArchiveBytes.catalogueOf(response.body());
        assertThat(catalogue.propertyNames()).containsExactly("format_version", "exported_at", "containers", "tags",
                "photos", "items");
        assertThat(catalogue.path("format_version").asInt()).isEqualTo(1);
        assertThat(catalogue.path("exported_at").asString()).matches(CatalogueFixtures.ISO_MILLIS);
        assertThat(catalogue.path("containers").isEmpty()).isTrue();
        assertThat(catalogue.path("items").isEmpty()).isTrue();
    }

    @Test
    void theCatalogueHoldsEveryRowWithItsTimestampsAndAuthorAndEachPhotoOnceWithItsBytes() {
        String token = newUserToken();
        CatalogueFixtures mine = new CatalogueFixtures(api, token);
        long box = mine.container("Box");
        long red = mine.tag("red");
        byte[] png = TestImages.png(40, 30);
        long photo = upload(token, png);
        long again = upload(token, png);
        JsonNode mug = mine.item(CatalogueFixtures.json("name", "Mug", "description", "blue", "container_id", box,
                "image_id", photo, "tags", List.of(red)));

        byte[] archive = api.get("/api/export", bearer(token)).body();

        JsonNode catalogue = ArchiveBytes.catalogueOf(archive);
        JsonNode container = catalogue.path("containers").get(0);
        assertThat(container.propertyNames()).containsExactly("id", "name", "description", "created_at",
                "updated_at", "created_by", "updated_by");
        assertThat(container.path("id").asLong()).isEqualTo(box);
        assertThat(container.path("created_by").asString()).isEqualTo(mug.path("created_by").asString());
        JsonNode item = catalogue.path("items").get(0);
        assertThat(item.propertyNames()).containsExactly("id", "name", "description", "container_id", "photo_id",
                "tags", "created_at", "updated_at", "created_by", "updated_by");
        assertThat(item.path("container_id").asLong()).isEqualTo(box);
        assertThat(item.path("photo_id").asLong()).isEqualTo(photo);
        assertThat(item.path("tags").get(0).asLong()).isEqualTo(red);
        assertThat(item.path("created_at")).isEqualTo(mug.path("created_at"));
        byte[] stored = api.get("/api/image/" + photo, bearer(token)).body();
        String sha256 = TestImages.sha256(stored);
        JsonNode photos = catalogue.path("photos");
        assertThat(photos).hasSize(2);
        assertThat(photos.get(0).path("id").asLong()).isEqualTo(photo);
        assertThat(photos.get(1).path("id").asLong()).isEqualTo(again);
        for (JsonNode row : photos) {
            assertThat(row.path("file").asString()).isEqualTo("photos/" + sha256 + ".png");
            assertThat(row.path("sha256").asString()).isEqualTo(sha256);
            assertThat(row.path("content_type").asString()).isEqualTo("image/png");
            assertThat(row.path("size").asLong()).isEqualTo(stored.length);
            assertThat(row.path("width").asInt()).isEqualTo(40);
            assertThat(row.path("height").asInt()).isEqualTo(30);
            assertThat(row.path("original_name").asString()).isEqualTo("a.png");
        }
        Map<String, byte[]> entries = ArchiveBytes.entriesOf(archive);
        assertThat(entries.keySet()).containsExactly("photos/" + sha256 + ".png", "catalogue.json");
        assertThat(entries.get("photos/" + sha256 + ".png")).isEqualTo(stored);
    }

    @Test
    void aViewerMayExportAndAStrangerFindsNoHousehold() {
        String token = newUserToken();
        long household = household(token);
        new CatalogueFixtures(api, token).container("Box");
        String stranger = newUserToken();

        ApiResponse refused = api.get("/api/export?household=" + household, bearer(stranger));

        CatalogueFixtures.assertError(refused, 404, "Household not found");
        assertThat(api.get("/api/export", "Authorization", "Bearer junk").status()).isEqualTo(401);
        assertThat(api.get("/api/export").status()).isEqualTo(401);
    }

    @Test
    void anUnknownFormatIsRefused() {
        String token = newUserToken();

        for (String format : List.of("xml", "ZIP", "", "csv,zip")) {
            assertBadRequest(api.get("/api/export?format=" + format, bearer(token)), "Unknown format: use zip or csv.");
        }
    }

    @Test
    void theCsvHasAHeaderAndOneRecordPerItemQuotedAsRfc4180Says() throws IOException {
        String token = newUserToken();
        long household = household(token);
        CatalogueFixtures mine = new CatalogueFixtures(api, token);
        long box = mine.container("Box, \"big\"");
        long zebra = mine.tag("zebra");
        long apple = mine.tag("Apple");
        long photo = upload(token, TestImages.png(4, 4));
        JsonNode mug = mine.item(CatalogueFixtures.json("name", "Mug \uD83D\uDC31", "description",
                "line one\r\nline \"two\", end", "container_id", box, "image_id", photo, "tags", List.of(zebra, apple)));
        JsonNode bare = mine.item(CatalogueFixtures.json("name", "Bare", "container_id", box));

        ApiResponse response = api.get("/api/export?format=csv", bearer(token));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/csv;header=present;charset=UTF-8");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"cat-data-" + household
                + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("id,name,description,container,tags,photo_id,created_at,updated_at\r\n");
        assertThat(text).contains(mug.path("id").asLong() + ",Mug \uD83D\uDC31,\"line one\r\nline \"\"two\"\", end\","
                + "\"Box, \"\"big\"\"\",Apple;zebra," + photo + "," + mug.path("created_at").asString() + ","
                + mug.path("updated_at").asString() + "\r\n");
        assertThat(text).endsWith(bare.path("id").asLong() + ",Bare,,\"Box, \"\"big\"\"\",,,"
                + bare.path("created_at").asString() + "," + bare.path("updated_at").asString() + "\r\n");
        assertThat(records(text)).hasSize(2);
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaStartWithAQuote() throws IOException {
        String token = newUserToken();
        CatalogueFixtures mine = new CatalogueFixtures(api, token);
        long box = mine.container("=HYPERLINK(\"http://evil.example\")");
        long tag = mine.tag("@SUM(1)");
        mine.item(CatalogueFixtures.json("name", "+1", "description", "\t=1", "container_id", box, "tags", List.of(tag)));
        mine.item(CatalogueFixtures.json("name", "-1", "description", "\r=1", "container_id", box));
        mine.item(CatalogueFixtures.json("name", "1=1", "description", "a -1 +1 @x", "container_id", box));

        List<CSVRecord> records = records(new String(api.get("/api/export?format=csv", bearer(token)).body(),
                StandardCharsets.UTF_8));

        assertThat(records.get(0).toList().subList(1, 5))
                .containsExactly("'+1", "'\t=1", "'=HYPERLINK(\"http://evil.example\")", "'@SUM(1)");
        assertThat(records.get(1).toList().subList(1, 5)).containsExactly("'-1", "'\r=1",
                "'=HYPERLINK(\"http://evil.example\")", "");
        assertThat(records.get(2).toList().subList(1, 3)).containsExactly("1=1", "a -1 +1 @x");
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    private long upload(String token, byte[] photo) {
        return CatalogueFixtures.id(CatalogueFixtures.created(api.upload("/api/image",
                List.of(Part.file("a.png", "image/png", photo)), bearer(token))));
    }

    private long household(String token) {
        return api.get("/api/me", bearer(token)).json().path("default_household_id").asLong();
    }
}
