package catdata.support;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The common setting of API tests: the whole service on a random port, against the shared test
 * database and one running issuer; every test class extending this shares one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Deleted photos' files go within about a second, so tests can wait for it; still long
        // enough for the downloads under way when they are deleted.
        "catdata.images.file-removal-delay=1s", "catdata.images.file-removal-sweep=100ms"})
public abstract class ApiTest {

    protected static final TestIssuer ISSUER = new TestIssuer();
    protected static final Path IMAGES_DIR = TestApp.newDirectory("catdata-images");

    @LocalServerPort
    private int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApp.register(registry, ISSUER, IMAGES_DIR);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /**
     * What the photo store holds: files in {@link #IMAGES_DIR}. A subclass that runs its cases on
     * another store ({@link S3PhotoStore}) says what that one holds.
     */
    protected StoredPhotos stored() {
        return StoredPhotos.inDirectory(IMAGES_DIR);
    }

    /** A valid token for a new user, so each test starts with an empty catalogue. */
    protected static String newUserToken() {
        return ISSUER.token().build();
    }
}
