package catdata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Points an application context under test at real parts: the shared test PostgreSQL, a running
 * {@link TestIssuer} (through {@code OIDC_ISSUER}, so discovery runs too) and fresh directories.
 * Properties are set under the environment variables' names, as an operator would set them.
 */
public final class TestApp {

    private TestApp() {
    }

    public static void register(DynamicPropertyRegistry registry, TestIssuer issuer, Path imagesDir) {
        register(registry, issuer, imagesDir, TestDatabase::jdbcUrl);
    }

    /** As above, with a database of the test's own (one it stops, say). */
    public static void register(DynamicPropertyRegistry registry, TestIssuer issuer, Path imagesDir,
            Supplier<Object> jdbcUrl) {
        registry.add("DATABASE_URL", jdbcUrl);
        // Settings exported in the developer's shell must not change what the tests run against.
        registry.add("AUTH0_DOMAIN", () -> "");
        registry.add("OIDC_JWKS_URI", () -> "");
        registry.add("OIDC_ISSUER", issuer::issuer);
        registry.add("AUTH0_AUDIENCE", () -> TestIssuer.AUDIENCE);
        registry.add("IMAGES_DIR", imagesDir::toString);
        // Photos on disk, unless the test says otherwise (S3PhotoStore).
        registry.add("PHOTO_STORE", () -> "filesystem");
        // Beside the photo directory, not in it: tests remove the photo directory.
        registry.add("DATA_DIR", () -> dataDir(imagesDir).toString());
        registry.add("CORS_ORIGINS", () -> "http://localhost:5173, https://catalogue.example");
    }

    /** The DATA_DIR of a test whose photo directory is {@code imagesDir}. */
    public static Path dataDir(Path imagesDir) {
        return imagesDir.resolveSibling(imagesDir.getFileName() + "-data");
    }

    /** A temporary directory, removed when the test JVM exits. */
    public static Path newDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(directory);
                } catch (IOException ignored) {
                    // Best effort: it is a temporary directory.
                }
            }));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
