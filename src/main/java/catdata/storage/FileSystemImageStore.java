package catdata.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import catdata.config.InvalidConfigurationException;

/**
 * Photos as files in {@code IMAGES_DIR}. Uploads are staged in a subdirectory of it, so that
 * publishing is a rename within one file system: atomic, never a half-written photo.
 */
class FileSystemImageStore implements ImageStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileSystemImageStore.class);

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
        this.uploadBuffers = StagingArea.forUploadBuffers(properties.uploadBuffers());
    }

    @Override
    public StagedImage stage(Content content) {
        try {
            return StagedWrite.to(staging.newFile(), content);
        } catch (IOException e) {
            throw failed("stage a photo", e);
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
                OpenedFile opened = new OpenedChannel(channel);
                reportedMissingDirectory.set(false);
                return Optional.of(opened);
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

    /** A directory we can write into; the staging area inside it is made again when needed. */
    @Override
    public Optional<String> whyUnavailable() {
        if (!Files.isDirectory(directory)) {
            return Optional.of("IMAGES_DIR " + directory + " is missing or not a directory");
        }
        if (!Files.isWritable(directory)) {
            return Optional.of("IMAGES_DIR " + directory + " cannot be written");
        }
        return Optional.empty();
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
        return directory.resolve(StoredNames.checked(name));
    }

    private RuntimeException failed(String action, IOException e) {
        log.error("Could not {} in {}: {}", action, directory, e.toString());
        return StorageFailure.of(e);
    }
}
