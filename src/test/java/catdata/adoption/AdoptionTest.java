package catdata.adoption;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

import catdata.CatDataApplication;
import catdata.config.InvalidConfigurationException;
import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.CatalogueFixtures;
import catdata.support.TestApp;
import catdata.support.TestIssuer;
import catdata.support.S3PhotoStore;
import catdata.support.TestPhotos;
import catdata.support.TestS3;

/**
 * Starting on a database of the original cat-data: refused without a household to adopt it into;
 * with one, every row comes over with its id and every photo file is judged and copied, in one
 * transaction; a failure midway changes nothing and the next start tries again; a second start is
 * an ordinary one.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdoptionTest {

    static final TestIssuer ISSUER = new TestIssuer();

    @Test
    void everythingGoesToTheLegacyOwnersPersonalHouseholdWithItsIds(CapturedOutput output) throws Exception {
        OriginalCatData original = OriginalCatData.create();
        long attic = original.container("Attic", "under the roof");
        long atticAgain = original.container("attic", null);
        long blue = original.tag("Blue");
        long red = original.tag("red");
        long BLUE = original.tag("BLUE");
        byte[] jpeg = TestPhotos.cameraJpeg(320, 200);
        long photo = original.photo("holiday snap.jpg", jpeg);
        long notAPhoto = original.photo("notes.jpg", "just text".getBytes(StandardCharsets.UTF_8));
        long missing = original.photoRow(UUID.randomUUID() + "-gone.png");
        long mug = original.item("Mug", "blue, chipped", attic, photo, blue, blue, red);
        long plate = original.item("Plate", null, OriginalCatData.DEFAULT_CONTAINER, notAPhoto, BLUE);
        long cup = original.item("Cup", "", atticAgain, missing);
        List<String> folderBefore = original.photoFolderContents();
        String sub = "legacy-owner-" + UUID.randomUUID();
        Path images = TestApp.newDirectory("catdata-adopted-images");

        try (ConfigurableApplicationContext service = start(original, images, Map.of("LEGACY_OWNER", sub))) {
            ApiClient api = api(service);
            String token = ISSUER.token().subject(sub).build();

            JsonNode items = api.get("/api/items", bearer(token)).json();
            assertThat(items.findValuesAsString("name")).containsExactly("Mug", "Plate", "Cup");
            JsonNode mugRow = api.get("/api/item/" + mug, bearer(token)).json();
            assertThat(mugRow.path("container_id").asLong()).isEqualTo(attic);
            assertThat(mugRow.path("description").asString()).isEqualTo("blue, chipped");
            assertThat(mugRow.path("image_id").asLong()).isEqualTo(photo);
            assertThat(mugRow.path("created_by").asString()).isEqualTo(sub);
            assertThat(ids(mugRow.path("tags"))).containsExactlyInAnyOrder(blue, red);
            JsonNode plateRow = api.get("/api/item/" + plate, bearer(token)).json();
            assertThat(plateRow.path("image_id").isNull()).isTrue();
            assertThat(plateRow.path("description").asString()).isEmpty();
            assertThat(plateRow.path("containerName").asString()).isEqualTo("Default");
            assertThat(api.get("/api/item/" + cup, bearer(token)).json().path("image_id").isNull()).isTrue();
            assertThat(api.get("/api/container/" + atticAgain, bearer(token)).json().path("name").asString())
                    .isEqualTo("attic (2)");
            assertThat(api.get("/api/tag/" + BLUE, bearer(token)).json().path("name").asString()).isEqualTo("BLUE (2)");

            // Judged and cleaned as an upload of the same file is.
            ApiResponse download = api.get("/api/image/" + photo, bearer(token));
            assertThat(download.status()).isEqualTo(200);
            String uploader = newUser();
            long uploaded = CatalogueFixtures.id(CatalogueFixtures.created(api.send("POST", "/api/image",
                    "multipart/form-data; boundary=b", multipart(jpeg), bearer(uploader))));
            ApiResponse upload = api.get("/api/image/" + uploaded, bearer(uploader));
            assertThat(download.body()).isEqualTo(upload.body());
            assertThat(sha256(download.body())).isEqualTo(download.header("ETag").replace("\"", ""));
            assertThat(api.get("/api/image/" + photo + "?size=thumb", bearer(token)).status()).isEqualTo(200);

            // Ids continue after the highest kept; Default is an ordinary container; deleting a photo keeps its items.
            long next = CatalogueFixtures.id(CatalogueFixtures.createContainer(api, token, "Cellar"));
            assertThat(next).isGreaterThan(atticAgain);
            assertThat(api.delete("/api/image/" + photo, bearer(token)).status()).isEqualTo(204);
            assertThat(api.get("/api/item/" + mug, bearer(token)).status()).isEqualTo(200);
            assertThat(api.send("PUT", "/api/container/" + OriginalCatData.DEFAULT_CONTAINER, "application/json",
                    "{\"name\": \"Hall\"}".getBytes(StandardCharsets.UTF_8), bearer(token)).status()).isEqualTo(200);
            // Nobody else sees any of it.
            assertThat(api.get("/api/items", bearer(newUser())).json()).isEmpty();
        }

        assertThat(original.photoFolderContents()).isEqualTo(folderBefore);
        assertThat(original.jdbc().sql("SELECT to_regclass('knex_migrations') IS NULL").query(Boolean.class).single())
                .isTrue();
        String summary = summaryLine(output);
        assertThat(summary).contains("Adopted the original cat-data database into the personal household of " + sub,
                "3 containers", "3 tags", "3 items", "3 item-tag links (1 duplicates folded)", "1 photos",
                "photo " + notAPhoto + " (", "notes.jpg) dropped", "photo " + missing, "file missing",
                "container " + atticAgain + " 'attic' renamed 'attic (2)'", "tag " + BLUE + " 'BLUE' renamed 'BLUE (2)'");
    }

    @Test
    void inSharedModeEverythingGoesToTheSharedHousehold() throws Exception {
        OriginalCatData original = OriginalCatData.create();
        long box = original.container("Box", "");
        long item = original.item("Lamp", "brass", box, null);
        Path images = TestApp.newDirectory("catdata-adopted-images");

        try (ConfigurableApplicationContext service = start(original, images,
                Map.of("SHARED_HOUSEHOLD", "true", "SHARED_HOUSEHOLD_NAME", "Family"))) {
            ApiClient api = api(service);
            String anyone = newUser();
            JsonNode lamp = api.get("/api/item/" + item, bearer(anyone)).json();
            assertThat(lamp.path("name").asString()).isEqualTo("Lamp");
            assertThat(lamp.path("created_by").asString()).isEqualTo(Adoption.ORIGINAL_AUTHOR);
            assertThat(api.get("/api/me", bearer(anyone)).json().path("households").get(0).path("name").asString())
                    .isEqualTo("Family");
        }
    }

    @Test
    void withoutAHouseholdToAdoptItIntoStartUpIsRefusedAndNothingChanges(CapturedOutput output) {
        OriginalCatData original = OriginalCatData.create();
        original.item("Lamp", "brass", OriginalCatData.DEFAULT_CONTAINER, original.photo("a.jpg",
                TestPhotos.cameraJpeg(64, 64)));
        Map<String, String> before = original.state();
        Path images = TestApp.newDirectory("catdata-adopted-images");

        assertThatThrownBy(() -> start(original, images, Map.of()))
                .hasRootCauseInstanceOf(InvalidConfigurationException.class)
                .rootCause().hasMessageContaining("This is a database of the original cat-data: set LEGACY_OWNER=<sub>")
                .hasMessageContaining("SHARED_HOUSEHOLD=true");

        assertThat(original.state()).isEqualTo(before);
        assertThat(OriginalCatData.contentsOf(images)).noneMatch(file -> file.matches("[0-9a-f]{32}\\..*"));
        assertThat(output.getOut()).contains("Nothing was changed.");
    }

    @Test
    void thePhotoStoreMayNotBeTheOriginalsFolder() throws Exception {
        OriginalCatData original = OriginalCatData.create();
        original.photo("a.jpg", TestPhotos.cameraJpeg(64, 64));
        Map<String, String> before = original.state();
        List<String> folder = original.photoFolderContents();

        assertThatThrownBy(() -> start(original, original.photoFolder(), Map.of("LEGACY_OWNER", "someone")))
                .rootCause().hasMessageContaining("IMAGES_DIR (" + original.photoFolder().toRealPath() + ") is, or is "
                        + "inside, the original's photo folder");

        assertThat(original.state()).isEqualTo(before);
        assertThat(original.photoFolderContents()).isEqualTo(folder);
    }

    /** IMAGES_DIR is not where photos go then: left at the original's folder (both default to ./images), it is no refusal. */
    @Test
    void intoABucketThePhotosAreCopiedAsObjectsAndTheOriginalsFolderStaysAsItWas() throws Exception {
        OriginalCatData original = OriginalCatData.create();
        byte[] jpeg = TestPhotos.cameraJpeg(120, 90);
        long photo = original.photo("shelf.jpg", jpeg);
        long item = original.item("Shelf", "", OriginalCatData.DEFAULT_CONTAINER, photo);
        List<String> folder = original.photoFolderContents();
        String bucket = TestS3.shared().newBucket();
        String sub = "legacy-owner-" + UUID.randomUUID();
        Map<String, String> settings = new LinkedHashMap<>(S3PhotoStore.settings(TestS3.shared(), bucket, "adopted/"));
        settings.put("LEGACY_OWNER", sub);

        try (ConfigurableApplicationContext service = start(original, original.photoFolder(), settings)) {
            String token = ISSUER.token().subject(sub).build();
            ApiClient api = api(service);
            assertThat(api.get("/api/item/" + item, bearer(token)).json().path("image_id").asLong()).isEqualTo(photo);
            ApiResponse download = api.get("/api/image/" + photo, bearer(token));
            assertThat(download.status()).isEqualTo(200);
            assertThat(TestS3.shared().keys(bucket, "")).singleElement().asString().startsWith("adopted/");
            assertThat(TestS3.shared().read(bucket, TestS3.shared().keys(bucket, "").get(0))).contains(download.body());
        }
        assertThat(original.photoFolderContents()).isEqualTo(folder);
    }

    @Test
    void aFailureMidwayChangesNothingAndTheNextStartTriesAgain(CapturedOutput output) throws Exception {
        OriginalCatData original = OriginalCatData.create();
        long box = original.container("Box", "");
        for (int i = 0; i < 3; i++) {
            original.item("Thing " + i, "", box, original.photo("p" + i + ".jpg", TestPhotos.cameraJpeg(80 + i, 60)));
        }
        // Someone's view on the original's items: the takeover will not drop the table under it, and fails last.
        original.jdbc().sql("CREATE VIEW item_names AS SELECT name FROM items").update();
        Map<String, String> before = original.state();
        List<String> folder = original.photoFolderContents();
        Path images = TestApp.newDirectory("catdata-adopted-images");
        String sub = "legacy-owner-" + UUID.randomUUID();

        assertThatThrownBy(() -> start(original, images, Map.of("LEGACY_OWNER", sub)))
                .hasStackTraceContaining("depend");

        assertThat(original.state()).isEqualTo(before);
        assertThat(storedPhotos(images)).isEmpty();
        assertThat(output.getOut()).contains("the database is as it was, and the 3 photo files copied so far were removed");

        original.jdbc().sql("DROP VIEW item_names").update();
        try (ConfigurableApplicationContext service = start(original, images, Map.of("LEGACY_OWNER", sub))) {
            JsonNode items = api(service).get("/api/items", bearer(ISSUER.token().subject(sub).build())).json();
            assertThat(items).hasSize(3);
            assertThat(storedPhotos(images)).hasSize(3);
        }
        assertThat(original.photoFolderContents()).isEqualTo(folder);
    }

    @Test
    void aSecondStartIsAnOrdinaryOne(CapturedOutput output) throws Exception {
        OriginalCatData original = OriginalCatData.create();
        long item = original.item("Lamp", "brass", OriginalCatData.DEFAULT_CONTAINER,
                original.photo("lamp.png", TestPhotos.transparentPng(40, 30)));
        Path images = TestApp.newDirectory("catdata-adopted-images");
        String sub = "legacy-owner-" + UUID.randomUUID();
        start(original, images, Map.of("LEGACY_OWNER", sub)).close();
        List<String> stored = storedPhotos(images);
        int summaries = countOf(output.getOut(), "Adopted the original cat-data database");

        try (ConfigurableApplicationContext service = start(original, images, Map.of("LEGACY_OWNER", sub))) {
            JsonNode lamp = api(service).get("/api/item/" + item, bearer(ISSUER.token().subject(sub).build())).json();
            assertThat(lamp.path("image_id").isNull()).isFalse();
        }

        assertThat(storedPhotos(images)).isEqualTo(stored).hasSize(1);
        assertThat(countOf(output.getOut(), "Adopted the original cat-data database")).isEqualTo(summaries).isOne();
    }

    // --- helpers ---

    static ConfigurableApplicationContext start(OriginalCatData original, Path images, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("DATABASE_URL", original.jdbcUrl());
        all.put("AUTH0_DOMAIN", "");
        all.put("OIDC_JWKS_URI", "");
        all.put("OIDC_ISSUER", ISSUER.issuer());
        all.put("AUTH0_AUDIENCE", TestIssuer.AUDIENCE);
        all.put("IMAGES_DIR", images.toString());
        all.put("DATA_DIR", images.resolveSibling(images.getFileName() + "-data").toString());
        all.put("LEGACY_IMAGES_DIR", original.photoFolder().toString());
        all.put("server.port", "0");
        all.put("catdata.dotenv.enabled", "false");
        all.putAll(settings);
        List<String> arguments = new ArrayList<>();
        all.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(CatDataApplication.class).run(arguments.toArray(String[]::new));
    }

    static ApiClient api(ConfigurableApplicationContext service) {
        return new ApiClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    /** The photo files of a store (not its staging area): 32 hex digits and an extension. */
    static List<String> storedPhotos(Path images) {
        return OriginalCatData.contentsOf(images).stream().filter(file -> file.matches("[0-9a-f]{32}\\.\\w+ .*"))
                .toList();
    }

    private static String newUser() {
        return ISSUER.token().build();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static String summaryLine(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("Adopted the original cat-data database"))
                .findFirst().orElseThrow(() -> new AssertionError("No summary line in the log"));
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static byte[] multipart(byte[] jpeg) {
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + jpeg.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(jpeg, 0, body, head.length, jpeg.length);
        System.arraycopy(tail, 0, body, head.length + jpeg.length, tail.length);
        return body;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
