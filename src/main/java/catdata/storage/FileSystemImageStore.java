package catdata.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import catdata.config.InvalidConfigurationException;

/**
 * Photos as files in {@code IMAGES_DIR}. Uploads are staged in a subdirectory of it, so that
 * publishing is a rename within one file system: atomic, never a half-written photo.
 */
@Component
class FileSystemImageStore implements ImageStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileSystemImageStore.class);
    /** Only names this service generates (photos and their thumbnails); anything else never reaches the file system. */
    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{32}(-thumb)?\\.(jpg|png|webp)");

    private final Path directory;
    private final StagingArea staging;
    private final StagingArea uploadBuffers;
    /** A directory that stays missing would otherwise log once per photo read. */
    private final AtomicBoolean reportedMissingDirectory = new AtomicBoolean();

    FileSystemImageStore(StorageProperties properties) {
        this.directory = properties.imagesDir().toAbsolutePath().normalize();
        try {
            this.staging = new StagingArea(directory);
        } catch (IOException e) {
            throw new InvalidConfigurationException("IMAGES_DIR " + directory + " cannot be used (" + e + ")");
        }
        Path buffers = properties.uploadBuffers().toAbsolutePath().normalize();
        try {
            this.uploadBuffers = new StagingArea(buffers.getParent(), buffers);
        } catch (IOException e) {
            throw new InvalidConfigurationException("DATA_DIR: " + buffers + " cannot be used for uploads (" + e + ")");
        }
    }

    @Override
    public StagedImage stage(Content content) {
        Path temporary;
        try {
            temporary = staging.newFile();
        } catch (IOException e) {
            throw failed("stage a photo", e);
        }
        MessageDigest sha256 = sha256();
        try {
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), sha256)) {
                content.writeTo(out);
            }
            return new StagedImage(temporary, Files.size(temporary), HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw failed("stage a photo", e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    @Override
    public void publish(StagedImage staged, String name) {
        try {
            Files.move(staged.path(), resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failed("publish photo " + name, e);
        }
    }

    @Override
    public Optional<OpenedFile> open(String name) {
        Path file = resolve(name);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                long size = channel.size();
                reportedMissingDirectory.set(false);
                return Optional.of(new OpenedFile(Channels.newInputStream(channel), size));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            return absent(name, e);
        }
    }

    /** A stat, not an open: the web server opens the file itself when it sends it. */
    @Override
    public Optional<LocalFile> localFile(String name) {
        Path file = resolve(name);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            reportedMissingDirectory.set(false);
            return Optional.of(new LocalFile(file, attributes.size()));
        } catch (IOException e) {
            return absent(name, e);
        }
    }

    /** A file that is not there is simply gone; a directory that is not there is an outage. */
    private <T> Optional<T> absent(String name, IOException e) {
        if (!Files.isDirectory(directory)) {
            if (!reportedMissingDirectory.getAndSet(true)) {
                log.error("Photo storage {} is missing or not a directory; photos cannot be read", directory);
            }
            throw new StorageUnavailable();
        }
        if (e instanceof NoSuchFileException) {
            return Optional.empty();
        }
        throw failed("read photo " + name, e);
    }

    @Override
    public Path uploadBuffer() {
        return uploadBuffers.directory();
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    /** Leaves nothing of this instance in the staging area (in-flight uploads have finished by now). */
    @Override
    public void close() throws IOException {
        try {
            staging.close();
        } finally {
            uploadBuffers.close();
        }
    }

    private Path resolve(String name) {
        if (!STORED_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a stored photo name: " + name);
        }
        return directory.resolve(name);
    }

    private RuntimeException failed(String action, IOException e) {
        log.error("Could not {} in {}: {}", action, directory, e.toString());
        return StorageFailure.of(e);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the unfinished upload {} ({})", file, e.toString());
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
