package catdata.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;

/**
 * The files fuzzing found that hung, exhausted or fooled the old WebP decoder, kept as the WebP
 * fuzz test's regression inputs ({@code PhotoPipelineFuzzTestInputs/webp}); every one must be
 * refused quickly.
 */
public final class HostilePhotoFiles {

    private static final String DIRECTORY = "PhotoPipelineFuzzTestInputs/webp";

    private HostilePhotoFiles() {
    }

    public static List<Named<byte[]>> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.sorted().map(file -> Named.of(file.getFileName().toString(), read(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        try {
            return Path.of(HostilePhotoFiles.class.getResource(DIRECTORY).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
