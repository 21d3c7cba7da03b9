package catdata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points an application context under test at real parts: the shared test PostgreSQL, a running
 * {@link TestIssuer} (through {@code OIDC_ISSUER}, so discovery runs too) and fresh directories.
 * Properties are set under the environment variables' names, as an operator would set them.
 */
public final class TestApp {

    private TestApp() {
    }

    public static void register(DynamicPropertyRegistry registry, TestIssuer issuer, Path imagesDir) {
        registry.add("DATABASE_URL", TestDatabase::jdbcUrl);
        registry.add("OIDC_ISSUER", issuer::issuer);
        registry.add("AUTH0_AUDIENCE", () -> TestIssuer.AUDIENCE);
        registry.add("IMAGES_DIR", imagesDir::toString);
        registry.add("DATA_DIR", () -> imagesDir.resolveSibling(imagesDir.getFileName() + "-data").toString());
        registry.add("CORS_ORIGINS", () -> "http://localhost:5173, https://catalogue.example");
    }

    public static Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
