package catdata.archive;

import static catdata.support.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.ApiTest;
import catdata.support.CatalogueFixtures;
import catdata.support.TableChecksums;
import catdata.support.TestImages;

/**
 * Every way {@code POST /api/import} refuses, each with its status and a JSON error that names the
 * problem, and each leaving no row and no file behind: not in the tables (all of them, by checksum),
 * not among the photos, not in the staging or upload directories. Small limits, so that they are
 * cheap to pass.
 */
@TestPropertySource(properties = {"MAX_IMPORT_SIZE=2MB", "MAX_IMPORT_ENTRIES=20", "MAX_IMPORT_ROWS=200",
    "MAX_UPLOAD_SIZE=1MB"})
class ImportRefusalApiTest extends ApiTest {

    private static final String NOT_A_ZIP = "The file is not a zip archive: send the archive GET /api/export made.";
    private static final String LEAVES = "' has a path that leaves the archive (absolute, or with ..).";
    private static final byte[] PNG = TestImages.png(8, 6);

    private final JdbcClient jdbc;

    @Autowired
    ImportRefusalApiTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("not a zip", "hello".getBytes(StandardCharsets.UTF_8), 400, NOT_A_ZIP),
                refused("empty", new byte[0], 400, NOT_A_ZIP),
                refused("a zip cut short", cut(valid().zip(), 200), 400, NOT_A_ZIP),
                refused("no catalogue", new ArchiveBytes().with("photos/a.png", PNG).zip(), 400,
                        "The archive has no catalogue.json: send the archive GET /api/export made."),
                refused("format_version 2", archive(catalogue().put("format_version", 2)), 400,
                        "Unknown format_version 2: this service reads archives of format_version 1."),
                refused("format_version not first", ArchiveBytes.of("{\"containers\": [], \"format_version\": 1}").zip(),
                        400, "catalogue.json must begin with its format_version."),
                refused("an entry with ..", valid().with("../evil.txt", "x").zip(), 400,
                        "Archive entry '../evil.txt" + LEAVES),
                refused("an entry deeper with ..", valid().with("photos/../../evil.txt", "x").zip(), 400,
                        "Archive entry 'photos/../../evil.txt" + LEAVES),
                refused("an absolute entry", valid().with("/etc/cron.d/evil", "x").zip(), 400,
                        "Archive entry '/etc/cron.d/evil" + LEAVES),
                refused("a Windows path", valid().with("C:\\evil.txt", "x").zip(), 400,
                        "Archive entry 'C:\\evil.txt" + LEAVES),
                refused("an entry of another kind", valid().with("notes.txt", "x").zip(), 400,
                        "Archive entry 'notes.txt' is not part of a Cat Data archive (catalogue.json and photos/ only)."),
                refused("an entry twice", twice(), 400, "Archive entry 'photos/a.png' appears twice."),
                refused("more entries than allowed", manyEntries(21), 413,
                        "The archive has more than 20 entries (MAX_IMPORT_ENTRIES)."),
                refused("more bytes than allowed, as declared", declaredTooLarge(), 413,
                        "The archive holds more than 2MB once uncompressed (MAX_IMPORT_SIZE)."),
                refused("more bytes than allowed, one photo for many rows", onePhotoManyRows(), 413,
                        "The archive holds more than 2MB once uncompressed (MAX_IMPORT_SIZE)."),
                refused("compressed more than 100 to 1", ArchiveBytes.of(catalogue()
                        .put("padding", " ".repeat(1_000_000))).zip(), 413,
                        "Archive entry 'catalogue.json' is compressed more than 100 to 1, which only zip bombs are."),
                refused("inflating past its declared size", ArchiveBytes.declaringSize(ArchiveBytes.of(catalogue()
                        .put("padding", "x".repeat(5000))).zip(), "catalogue.json", 100), 400,
                        "Archive entry 'catalogue.json' holds more bytes than its header declares."),
                refused("damaged", damaged(), 400,
                        "Archive entry 'catalogue.json' is damaged: its bytes cannot be read back."),
                refused("a photo that is no image", withPhoto("photos/a.png", "not a photo".getBytes(StandardCharsets.UTF_8)),
                        415, "photos/a.png: Only JPG, PNG and WebP files are allowed."),
                refused("a photo of too many pixels", withPhoto("photos/a.png", TestImages.pngClaimingSize(20000, 20000)),
                        413, "photos/a.png: Image dimensions too large (max 50 megapixels)."),
                refused("a photo larger than an upload may be", withStoredPhoto(TestImages.pngPaddedTo(1_100_000)), 413,
                        "photos/a.png: File too large (max 1MB)."),
                refused("a photo whose file is not there", ArchiveBytes.of(validCatalogue()).zip(), 400,
                        "catalogue.json photos[0]: file photos/a.png is not in the archive."),
                refused("an item in a container the archive lacks", withItem("\"container_id\": 99"), 400,
                        "catalogue.json items[0]: container_id 99 is not one of the archive's containers."),
                refused("an item with a tag the archive lacks", withItem("\"container_id\": 1, \"tags\": [1, 99]"), 400,
                        "catalogue.json items[0]: tags 99 is not one of the archive's tags."),
                refused("an item with a photo the archive lacks", withItem("\"container_id\": 1, \"photo_id\": 99"), 400,
                        "catalogue.json items[0]: photo_id 99 is not one of the archive's photos."),
                refused("two containers of one name", withRows("containers",
                        "[{\"id\": 1, \"name\": \"Box\"}, {\"id\": 2, \"name\": \"box\"}]"), 400,
                        "catalogue.json: two containers are named 'box' (names are unique in a household, ignoring case)."),
                refused("two tags of one name", withRows("tags",
                        "[{\"id\": 1, \"name\": \"Red\"}, {\"id\": 2, \"name\": \"RED \"}]"), 400,
                        "catalogue.json: two tags are named 'RED' (names are unique in a household, ignoring case)."),
                refused("two containers of one id", withRows("containers",
                        "[{\"id\": 1, \"name\": \"Box\"}, {\"id\": 1, \"name\": \"Crate\"}]"), 400,
                        "catalogue.json containers[1]: id 1 is used by an earlier row too."),
                refused("a blank name", withRows("tags", "[{\"id\": 1, \"name\": \" \\u00a0\"}]"), 400,
                        "catalogue.json tags[0]: Name is required."),
                refused("a name too long", withRows("tags", "[{\"id\": 1, \"name\": \"" + "n".repeat(256) + "\"}]"), 400,
                        "catalogue.json tags[0]: Name must be at most 255 characters."),
                refused("a NUL in a name", withRows("tags", "[{\"id\": 1, \"name\": \"a\\u0000b\"}]"), 400,
                        "catalogue.json tags[0]: Name must not contain NUL characters."),
                refused("a description too long", withRows("containers", "[{\"id\": 1, \"name\": \"Box\", "
                        + "\"description\": \"" + "d".repeat(10_001) + "\"}]"), 400,
                        "catalogue.json containers[0]: Description must be at most 10000 characters."),
                refused("a name of the wrong type", withRows("containers", "[{\"id\": 1, \"name\": 7}]"), 400,
                        "catalogue.json containers[0]: invalid value for 'name'."),
                refused("an id of zero", withRows("containers", "[{\"id\": 0, \"name\": \"Box\"}]"), 400,
                        "catalogue.json containers[0]: id must be a positive number."),
                refused("a timestamp that is none", withRows("containers",
                        "[{\"id\": 1, \"name\": \"Box\", \"created_at\": \"yesterday\"}]"), 400,
                        "catalogue.json containers[0]: created_at is not a timestamp such as 2024-05-01T12:00:00.000Z."),
                refused("a timestamp out of range", withRows("containers",
                        "[{\"id\": 1, \"name\": \"Box\", \"updated_at\": \"+99999-01-01T00:00:00Z\"}]"), 400,
                        "catalogue.json containers[0]: updated_at must be within the years 1 to 9999."),
                refused("an empty author", withRows("containers", "[{\"id\": 1, \"name\": \"Box\", \"created_by\": \"\"}]"),
                        400, "catalogue.json containers[0]: created_by must not be empty."),
                refused("an item with too many tags", withItem("\"container_id\": 1, \"tags\": " + tagIds(101)), 400,
                        "catalogue.json items[0]: an item can have at most 100 tags."),
                refused("more rows than allowed", withRows("containers", containers(201)), 413,
                        "The archive holds more than 200 containers, tags, photos and items (MAX_IMPORT_ROWS)."),
                refused("a catalogue that is not JSON", ArchiveBytes.of("{\"format_version\": 1, \"containers\": [}")
                        .zip(), 400, "catalogue.json is not valid JSON (line 1, column 38)."),
                refused("sections out of order", ArchiveBytes.of("{\"format_version\": 1, \"tags\": [], "
                        + "\"containers\": []}").zip(), 400, "catalogue.json holds containers, tags, photos and items in "
                        + "this order, each once; tags came where containers was due."),
                refused("a section missing", ArchiveBytes.of("{\"format_version\": 1, \"containers\": [], \"tags\": [], "
                        + "\"photos\": []}").zip(), 400, "catalogue.json has no items."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anArchiveBreakingARuleIsRefusedAndLeavesNothingBehind(String name, byte[] archive, int status, String error) {
        String token = newUserToken();
        api.get("/api/me", bearer(token));

        assertRefusedLeavingNothing(() -> importArchive(token, archive), status, error);
    }

    @Test
    void aFailureAfterPhotosWereStoredTakesTheirFilesBackToo() {
        String token = newUserToken();
        api.get("/api/me", bearer(token));
        ObjectNode catalogue = validCatalogue();
        ((ArrayNode) catalogue.path("photos")).addObject().put("id", 2).put("file", "photos/b.png");
        ((ArrayNode) catalogue.path("items")).addObject().put("id", 2).put("name", "Last").put("container_id", 7);
        byte[] archive = ArchiveBytes.of(catalogue).with("photos/a.png", PNG).with("photos/b.png", TestImages.jpeg(9, 9))
                .zip();

        assertRefusedLeavingNothing(() -> importArchive(token, archive), 400,
                "catalogue.json items[1]: container_id 7 is not one of the archive's containers.");
    }

    @Test
    void aHouseholdThatHoldsRowsIsNotImportedInto() {
        String token = newUserToken();
        new CatalogueFixtures(api, token).tag("Red");

        assertRefusedLeavingNothing(() -> importArchive(token, valid().zip()), 409, "An archive is imported only into "
                + "an empty household; this one already holds containers, tags, items or photos.");
    }

    @Test
    void aViewerMayNotImportAndAStrangerFindsNoHousehold() {
        String owner = newUserToken();
        long household = api.get("/api/me", bearer(owner)).json().path("default_household_id").asLong();
        String viewerSub = "viewer-" + UUID.randomUUID();
        String viewer = ISSUER.token().subject(viewerSub).build();
        api.get("/api/me", bearer(viewer));
        jdbc.sql("INSERT INTO memberships (sub, household_id, role) VALUES (:sub, :household, 'viewer')")
                .param("sub", viewerSub).param("household", household).update();
        String stranger = newUserToken();
        api.get("/api/me", bearer(stranger));
        String path = "/api/import?household=" + household;

        assertRefusedLeavingNothing(() -> api.upload(path, List.of(archivePart(valid().zip())), bearer(viewer)), 403,
                "This needs the editor role in this household (yours is viewer).");
        assertRefusedLeavingNothing(() -> api.upload(path, List.of(archivePart(valid().zip())), bearer(stranger)), 404,
                "Household not found");
        assertRefusedLeavingNothing(() -> api.upload(path, List.of(archivePart(valid().zip()))), 401,
                "No authorization token was found");
        assertThat(api.upload(path, List.of(archivePart(valid().zip())), bearer("not-a-jwt")).status()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotOneArchiveInTheFieldFileIsRefused() {
        String token = newUserToken();
        api.get("/api/me", bearer(token));
        byte[] zip = valid().zip();
        String boundary = "b-" + UUID.randomUUID();
        byte[] body = ApiClient.multipartBody(boundary, List.of(archivePart(zip)));

        assertRefusedLeavingNothing(() -> api.send("POST", "/api/import", "multipart/form-data; boundary=" + boundary,
                Arrays.copyOf(body, body.length / 2), bearer(token)), 400, "Malformed multipart request.");
        assertRefusedLeavingNothing(() -> api.send("POST", "/api/import", "multipart/form-data; boundary=other", body,
                bearer(token)), 400, "No archive was sent: put it in the multipart field 'file'.");
        assertRefusedLeavingNothing(() -> api.send("POST", "/api/import", "multipart/form-data", body, bearer(token)),
                400, "Malformed multipart request.");
        assertRefusedLeavingNothing(() -> api.upload("/api/import", List.of(new Part("archive", "a.zip",
                "application/zip", zip)), bearer(token)), 400, "No archive was sent: put it in the multipart field 'file'.");
        assertRefusedLeavingNothing(() -> api.upload("/api/import", List.of(archivePart(zip), archivePart(zip)),
                bearer(token)), 400, "Send one archive, in the multipart field 'file'.");
        assertRefusedLeavingNothing(() -> api.send("POST", "/api/import", "application/zip", zip, bearer(token)), 415,
                "Unsupported content type.");
    }

    @Test
    void anUploadLargerThanAnArchiveMayBeIsRefused() {
        String token = newUserToken();
        api.get("/api/me", bearer(token));
        byte[] large = new ArchiveBytes().withStored("photos/a.png", new byte[3_000_000]).zip();

        assertRefusedLeavingNothing(() -> importArchive(token, large), 413,
                "The upload is larger than an archive of 2MB (MAX_IMPORT_SIZE) can be.");
        assertRefusedLeavingNothing(() -> api.sendChunked("POST", "/api/import", "multipart/form-data; boundary=b",
                ApiClient.multipartBody("b", List.of(archivePart(large))), bearer(token)), 413,
                "The upload is larger than an archive of 2MB (MAX_IMPORT_SIZE) can be.");
    }

    // --- checks ---

    private void assertRefusedLeavingNothing(Supplier<ApiResponse> request, int status,
            String error) {
        Map<String, String> tables = TableChecksums.of(jdbc);
        List<String> files = files();

        ApiResponse response = request.get();

        CatalogueFixtures.assertError(response, status, error);
        assertThat(TableChecksums.of(jdbc)).as("rows after %s", error).isEqualTo(tables);
        assertThat(files()).as("files after %s", error).isEqualTo(files);
    }

    /** Every file of the photo store (staged ones included) and of the upload buffers, but lock files. */
    private static List<String> files() {
        List<String> files = new ArrayList<>();
        for (Path root : List.of(IMAGES_DIR, IMAGES_DIR.resolveSibling(IMAGES_DIR.getFileName() + "-data"))) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("instance.lock"))
                        .map(root::relativize).map(Path::toString).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private ApiResponse importArchive(String token, byte[] archive) {
        return api.upload("/api/import", List.of(archivePart(archive)), bearer(token));
    }

    private static Part archivePart(byte[] archive) {
        return Part.file("export.zip", "application/zip", archive);
    }

    // --- archives ---

    private static Arguments refused(String name, byte[] archive, int status, String error) {
        return Arguments.of(name, Named.of(archive.length + " bytes", archive), status, error);
    }

    private static ObjectNode catalogue() {
        return ArchiveBytes.catalogue("[]", "[]", "[]", "[]");
    }

    /** A container, a tag, a photo and an item with all three. */
    static ObjectNode validCatalogue() {
        return ArchiveBytes.catalogue("[{\"id\": 1, \"name\": \"Box\"}]", "[{\"id\": 1, \"name\": \"Red\"}]",
                "[{\"id\": 1, \"file\": \"photos/a.png\"}]",
                "[{\"id\": 1, \"name\": \"Mug\", \"container_id\": 1, \"photo_id\": 1, \"tags\": [1]}]");
    }

    private static ArchiveBytes valid() {
        return ArchiveBytes.of(validCatalogue()).with("photos/a.png", PNG);
    }

    private static byte[] archive(ObjectNode catalogue) {
        return ArchiveBytes.of(catalogue).zip();
    }

    private static byte[] withPhoto(String name, byte[] photo) {
        return ArchiveBytes.of(validCatalogue()).with(name, photo).zip();
    }

    private static byte[] withStoredPhoto(byte[] photo) {
        return ArchiveBytes.of(validCatalogue()).withStored("photos/a.png", photo).zip();
    }

    private static byte[] withItem(String fields) {
        ObjectNode catalogue = validCatalogue();
        catalogue.set("items", ArchiveBytes.JSON.readTree("[{\"id\": 1, \"name\": \"Mug\", " + fields + "}]"));
        return ArchiveBytes.of(catalogue).with("photos/a.png", PNG).zip();
    }

    private static byte[] withRows(String section, String rows) {
        ObjectNode catalogue = validCatalogue();
        catalogue.set(section, ArchiveBytes.JSON.readTree(rows));
        if (!section.equals("items")) {
            catalogue.set("items", ArchiveBytes.JSON.readTree("[]"));
        }
        return ArchiveBytes.of(catalogue).with("photos/a.png", PNG).zip();
    }

    private static byte[] twice() {
        byte[] zip = valid().with("photos/b.png", PNG).zip();
        return ArchiveBytes.replacing(zip, "photos/b.png", "photos/a.png");
    }

    private static byte[] manyEntries(int count) {
        ArchiveBytes archive = ArchiveBytes.of(catalogue());
        for (int i = 1; i < count; i++) {
            archive.with("photos/" + i + ".png", PNG);
        }
        return archive.zip();
    }

    /** Deflated to less than the upload may be, declaring more than the archive may hold. */
    private static byte[] declaredTooLarge() {
        ArchiveBytes archive = ArchiveBytes.of(catalogue());
        for (int i = 0; i < 3; i++) {
            archive.with("photos/" + i + ".png", TestImages.pngWithTextChunk(PNG, 900_000 + i));
        }
        return archive.zip();
    }

    /** One photo of 0.9 MB that three rows use: stored three times, so counted three times. */
    private static byte[] onePhotoManyRows() {
        ObjectNode catalogue = catalogue();
        ArrayNode photos = catalogue.putArray("photos");
        for (int id = 1; id <= 3; id++) {
            photos.addObject().put("id", id).put("file", "photos/a.png");
        }
        return ArchiveBytes.of(catalogue).withStored("photos/a.png", TestImages.pngWithTextChunk(PNG, 900_000)).zip();
    }

    /** A stored catalogue with one byte changed after the zip was made: its CRC no longer matches. */
    private static byte[] damaged() {
        ObjectNode catalogue = validCatalogue();
        catalogue.put("note", "unchanged");
        byte[] zip = new ArchiveBytes().withStored("catalogue.json", ArchiveBytes.JSON.writeValueAsBytes(catalogue))
                .with("photos/a.png", PNG).zip();
        return ArchiveBytes.replacing(zip, "unchanged", "UNCHANGED");
    }

    private static byte[] cut(byte[] zip, int length) {
        return Arrays.copyOf(zip, length);
    }

    private static String tagIds(int count) {
        return Stream.iterate(1, i -> i + 1).limit(count).map(String::valueOf).toList().toString();
    }

    private static String containers(int count) {
        return Stream.iterate(1, i -> i + 1).limit(count).map(i -> "{\"id\": " + i + ", \"name\": \"C" + i + "\"}")
                .toList().toString();
    }
}
