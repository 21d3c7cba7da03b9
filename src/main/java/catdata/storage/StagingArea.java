package catdata.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import catdata.config.InvalidConfigurationException;

/**
 * Where this instance stages uploads: {@code IMAGES_DIR/.staging/<instance id>/}, whose
 * {@code instance.lock} file it holds an exclusive lock on for as long as it runs. The operating system
 * drops the lock when the process dies, however it dies ({@code kill -9} included), so at start
 * every staging directory whose lock can be taken belonged to an instance that is gone, and its
 * unfinished uploads can go; directories of instances still running (sharing {@code IMAGES_DIR})
 * stay untouched.
 *
 * <p>Needs a file system with working POSIX locks (local disks, NFSv4) if several instances share
 * the directory.
 */
final class StagingArea implements AutoCloseable {

    static final String DIRECTORY = ".staging";
    static final String LOCK = "instance.lock";

    private static final Logger log = LoggerFactory.getLogger(StagingArea.class);
    /** Staging files of the first version, and directories that never got a lock file. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final int ATTEMPTS = 5;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /**
     * Staging directories of this process (two application contexts in one JVM, as in tests). Their
     * lock files are never opened by a clean-up: closing any channel on a file releases every lock
     * this process holds on it.
     */
    private static final Set<Path> OWNED_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path imagesDir;
    private final Path root;
    private Path own;
    private FileChannel lockChannel;

    StagingArea(Path imagesDir) throws IOException {
        this(imagesDir, imagesDir.resolve(DIRECTORY));
    }

    /**
     * Instance directories under {@code root}; {@code parent} must exist for new files to be made
     * (it is never created again).
     */
    StagingArea(Path parent, Path root) throws IOException {
        this.imagesDir = parent;
        this.root = root;
        Files.createDirectories(root);
        acquire();
        removeLeftovers();
    }

    /**
     * A new file name in this instance's staging directory. The directory is made again if it was
     * removed, but never {@code IMAGES_DIR} itself: a missing photo directory (an unmounted volume) is a
     * failure to report, not a place to start afresh.
     */
    synchronized Path newFile() throws IOException {
        if (!Files.isRegularFile(own.resolve(LOCK))) {
            if (!Files.isDirectory(imagesDir)) {
                throw new NotDirectoryException(imagesDir.toString());
            }
            // Same name again; on failure, `own` stays and the next upload tries again.
            closeLockChannel();
            createPrivateDirectories(own);
            if (!lock(own)) {
                throw new IOException("Could not lock the staging directory " + own);
            }
        }
        return own.resolve(UUID.randomUUID() + ".part");
    }

    /**
     * Where the web server buffers uploads while it receives them, {@code DATA_DIR/uploads/<instance id>/};
     * one that cannot be made stops start-up.
     */
    static StagingArea forUploadBuffers(Path uploadBuffers) {
        Path buffers = uploadBuffers.toAbsolutePath().normalize();
        try {
            return new StagingArea(buffers.getParent(), buffers);
        } catch (IOException e) {
            throw new InvalidConfigurationException("DATA_DIR: " + buffers + " cannot be used for uploads (" + e + ")");
        }
    }

    /** This instance's directory. */
    synchronized Path directory() {
        return own;
    }

    @Override
    public synchronized void close() throws IOException {
        if (own != null) {
            FileSystemUtils.deleteRecursively(own);
        }
        release();
    }

    private void acquire() throws IOException {
        Files.createDirectories(root);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path directory = root.resolve(UUID.randomUUID().toString().replace("-", ""));
            createPrivateDirectories(directory);
            if (lock(directory)) {
                return;
            }
        }
        throw new IOException("Could not create a staging directory in " + root);
    }

    private boolean lock(Path directory) throws IOException {
        Path lock = directory.resolve(LOCK);
        FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        // Another instance starting at this very moment may have taken the lock before we
        // did, seen an ownerless directory and removed it.
        if (Files.exists(lock)) {
            own = directory;
            lockChannel = channel;
            OWNED_BY_THIS_PROCESS.add(directory);
            return true;
        }
        channel.close();
        return false;
    }

    private void release() throws IOException {
        if (own != null) {
            OWNED_BY_THIS_PROCESS.remove(own);
            own = null;
        }
        closeLockChannel();
    }

    private void closeLockChannel() throws IOException {
        if (lockChannel != null) {
            lockChannel.close();
            lockChannel = null;
        }
    }

    /** Staged uploads still carry their owner's metadata (GPS position...): for this service's eyes only. */
    private static void createPrivateDirectories(Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // Made again by someone else meanwhile; the lock decides whose it is.
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory);
        }
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (OWNED_BY_THIS_PROCESS.contains(entry)) {
                    continue;
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    removeIfOwnerIsGone(entry);
                } else if (entry.getFileName().toString().endsWith(".part") && isOld(entry)) {
                    Files.deleteIfExists(entry);
                    log.info("Removed an unfinished upload left by an earlier run: {}", entry.getFileName());
                }
            }
        }
    }

    private void removeIfOwnerIsGone(Path directory) throws IOException {
        Path lock = directory.resolve(LOCK);
        if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            // An instance between creating its directory and its lock file, or one that died there.
            if (isOld(directory)) {
                remove(directory);
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock taken = channel.tryLock()) {
            if (taken != null) {
                remove(directory);
            }
        } catch (OverlappingFileLockException e) {
            // Held in this process, by a staging area that is not in the set (yet): it is alive.
        }
    }

    private static void remove(Path directory) throws IOException {
        FileSystemUtils.deleteRecursively(directory);
        log.info("Removed the staging directory of an instance that is no longer running: {}", directory.getFileName());
    }

    private static boolean isOld(Path path) throws IOException {
        return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant()
                .isBefore(Instant.now().minus(ABANDONED_AFTER));
    }
}
