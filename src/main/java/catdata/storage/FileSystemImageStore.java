package catdata.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import catdata.startup.InvalidConfigurationException;

/**
 * Photos as files in {@code IMAGES_DIR}. Uploads are staged in a subdirectory of it, so that
 * publishing is a rename within one file system: atomic, never a half-written photo.
 */
@Component
class FileSystemImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemImageStore.class);
    /** Only names this service generates; anything else never reaches the file system. */
    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|webp)");
    private static final String STAGING = ".staging";
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path directory;
    private final Path staging;

    FileSystemImageStore(StorageProperties properties) {
        this.directory = properties.imagesDir().toAbsolutePath().normalize();
        this.staging = directory.resolve(STAGING);
        try {
            Files.createDirectories(staging);
            removeAbandonedStagedFiles();
        } catch (IOException e) {
            throw new InvalidConfigurationException("IMAGES_DIR " + directory + " cannot be used (" + e + ")");
        }
    }

    @Override
    public StagedImage stage(InputStream content) throws IOException {
        Files.createDirectories(staging);
        Path temporary = staging.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(content, sha256);
             OutputStream out = Files.newOutputStream(temporary)) {
            size = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new StagedImage(temporary, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public void publish(StagedImage staged, String name) throws IOException {
        Files.move(staged.path(), resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<Resource> open(String name) {
        Path file = resolve(name);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    private Path resolve(String name) {
        if (!STORED_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a stored photo name: " + name);
        }
        return directory.resolve(name);
    }

    /**
     * A crash can leave staged uploads behind; no row ever points at them. Only old ones go: other
     * instances sharing this directory may be staging uploads right now.
     */
    private void removeAbandonedStagedFiles() throws IOException {
        Instant abandoned = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging, "*.part")) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(abandoned)) {
                    Files.deleteIfExists(leftover);
                    log.info("Removed an unfinished upload left by an earlier run: {}", leftover.getFileName());
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
