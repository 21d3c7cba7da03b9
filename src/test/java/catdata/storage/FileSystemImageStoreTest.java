package catdata.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import catdata.error.ApiException;

/**
 * The photo directory on its own: staging, publishing, failing, and cleaning up after instances
 * that died (each instance stages in {@code .staging/<id>/}, holding a lock on its {@code instance.lock} file).
 */
class FileSystemImageStoreTest {

    private static final byte[] BYTES = {1, 2, 3};

    @TempDir
    Path directory;

    private final List<FileSystemImageStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() throws IOException {
        for (FileSystemImageStore store : stores) {
            store.close();
        }
    }

    @Test
    void aStagedPhotoIsInvisibleUntilPublishedAndHashed() {
        FileSystemImageStore store = start();

        StagedImage staged = store.stage(out -> out.write(BYTES));
        String name = ImageStore.newName("png");

        assertThat(staged.path()).startsWith(directory.resolve(".staging"));
        assertThat(staged.size()).isEqualTo(3);
        assertThat(staged.sha256()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
        assertThat(store.open(name)).isEmpty();
        store.publish(staged, name);
        assertThat(directory.resolve(name)).hasBinaryContent(BYTES);
        assertThat(staged.path()).doesNotExist();
    }

    @Test
    void aPublishedPhotoIsOfferedAsALocalFileWithItsSizeUntilItIsDeleted() throws IOException {
        FileSystemImageStore store = start();
        String name = ImageStore.newName("jpg");
        assertThat(store.localFile(name)).isEmpty();
        store.publish(store.stage(out -> out.write(BYTES)), name);

        LocalFile file = store.localFile(name).orElseThrow();

        assertThat(file.path()).isAbsolute().isEqualTo(directory.toAbsolutePath().resolve(name))
                .hasBinaryContent(BYTES);
        assertThat(file.size()).isEqualTo(BYTES.length);
        store.delete(name);
        assertThat(store.localFile(name)).isEmpty();
    }

    @Test
    void aThumbnailIsKeptBesideItsPhotoAndPublishingItAgainReplacesItWhole() throws IOException {
        FileSystemImageStore store = start();
        String photo = ImageStore.newName("png");
        String thumbnail = ImageStore.thumbnailName(photo, "jpg");
        byte[] longer = {9, 8, 7, 6, 5};

        store.publish(store.stage(out -> out.write(BYTES)), thumbnail);
        store.publish(store.stage(out -> out.write(longer)), thumbnail);

        assertThat(thumbnail).isEqualTo(photo.replace(".png", "-thumb.jpg"));
        assertThat(directory.resolve(thumbnail)).hasBinaryContent(longer);
        assertThat(store.localFile(thumbnail).orElseThrow().size()).isEqualTo(longer.length);
        store.delete(thumbnail);
        assertThat(directory.resolve(thumbnail)).doesNotExist();
    }

    @Test
    void namesTheServiceDidNotMakeNeverReachTheFileSystem() {
        FileSystemImageStore store = start();

        for (String name : List.of("../secret.jpg", "photo.jpg", "0123456789abcdef0123456789abcdef-big.jpg",
                "0123456789abcdef0123456789abcdef.gif")) {
            assertThatThrownBy(() -> store.localFile(name)).as(name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.open(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPhotoOpenedBeforeItIsDeletedIsStillReadWhole() throws IOException {
        FileSystemImageStore store = start();
        String name = ImageStore.newName("png");
        store.publish(store.stage(out -> out.write(BYTES)), name);

        try (OpenedFile download = store.open(name).orElseThrow()) {
            store.delete(name);
            assertThat(download.size()).isEqualTo(BYTES.length);
            assertThat(download.bytes().readAllBytes()).isEqualTo(BYTES);
        }
        assertThat(store.open(name)).isEmpty();
    }

    @Test
    void aFailingWriterLeavesNoStagedFile() {
        FileSystemImageStore store = start();
        IllegalStateException refused = new IllegalStateException("not a photo");

        assertThatThrownBy(() -> store.stage(out -> {
            out.write(BYTES);
            throw refused;
        })).isSameAs(refused);

        assertThat(files(directory.resolve(".staging"))).allMatch(file -> file.endsWith(StagingArea.LOCK));
    }

    @Test
    void eachInstanceStagesInItsOwnLockedDirectoryAndRemovesItWhenItStops() throws IOException {
        FileSystemImageStore first = start();
        FileSystemImageStore second = start();
        Path firstArea = first.stage(out -> out.write(BYTES)).path().getParent();
        Path secondArea = second.stage(out -> out.write(BYTES)).path().getParent();

        assertThat(firstArea).isNotEqualTo(secondArea);
        assertThat(firstArea.resolve(StagingArea.LOCK)).isRegularFile();
        assertThat(secondArea).isDirectory();
        first.close();
        assertThat(firstArea).doesNotExist();
        assertThat(secondArea).isDirectory();
    }

    @Test
    void atStartTheStagingDirectoryOfAnInstanceThatDiedIsRemoved() throws IOException {
        Path dead = Files.createDirectories(directory.resolve(".staging/0123456789abcdef0123456789abcdef"));
        Files.createFile(dead.resolve(StagingArea.LOCK));
        Files.write(dead.resolve("upload.part"), BYTES);

        start();

        assertThat(dead).doesNotExist();
    }

    @Test
    void atStartOldLeftoversAreRemovedAndRecentOnesOfUnknownOwnersKept() throws IOException {
        Path staging = Files.createDirectories(directory.resolve(".staging"));
        Path oldPart = old(Files.write(staging.resolve("old.part"), BYTES));
        Path newPart = Files.write(staging.resolve("new.part"), BYTES);
        Path oldLockless = old(Files.createDirectory(staging.resolve("old-without-lock")));
        Path newLockless = Files.createDirectory(staging.resolve("new-without-lock"));

        start();

        assertThat(oldPart).doesNotExist();
        assertThat(oldLockless).doesNotExist();
        assertThat(newPart).exists();
        assertThat(newLockless).exists();
    }

    @Test
    void anInstanceInAnotherProcessKeepsItsStagingDirectoryUntilItIsKilled() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StagingChild.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.equals("staging"));
            assertThat(line).as("the other process is staging an upload").isEqualTo("staging");
            Path childPart = singlePart();

            FileSystemImageStore alongside = start();
            assertThat(childPart).as("a running instance's upload").exists();
            alongside.close();
            stores.remove(alongside);

            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(childPart).as("killed with SIGKILL: nothing ran on its way out").exists();

            start();
            assertThat(childPart.getParent()).doesNotExist();
            assertThat(files(directory.resolve(".staging"))).allMatch(file -> file.endsWith(StagingArea.LOCK));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void withItsDirectoryReplacedByAFileTheStoreIsUnavailableUntilItIsBack() throws IOException {
        FileSystemImageStore store = start();
        Path away = Files.move(directory, directory.resolveSibling(directory.getFileName() + ".away"));
        Files.write(directory, BYTES);
        try {
            assertThatThrownBy(() -> store.stage(out -> out.write(BYTES)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(503));
            assertThatThrownBy(() -> store.open(ImageStore.newName("jpg"))).isInstanceOf(StorageUnavailable.class);
            assertThatThrownBy(() -> store.localFile(ImageStore.newName("jpg"))).isInstanceOf(StorageUnavailable.class);
        } finally {
            Files.delete(directory);
            Files.move(away, directory);
        }

        assertThat(store.stage(out -> out.write(BYTES)).size()).isEqualTo(3);
    }

    @Test
    void aFullDiskIs507AndAnyOtherFailure503() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "Linux's always-full device");
        IOException diskFull = null;
        try {
            Files.write(full, BYTES);
        } catch (IOException e) {
            diskFull = e;
        }

        assertThat(diskFull).as("writing to /dev/full fails with ENOSPC").isNotNull();
        assertThat(StorageFailure.of(diskFull).status().value()).isEqualTo(507);
        assertThat(StorageFailure.of(new AccessDeniedException("x")).status().value()).isEqualTo(503);
        assertThat(StorageFailure.of(new NotDirectoryException("x")).status().value()).isEqualTo(503);
    }

    private FileSystemImageStore start() {
        FileSystemImageStore store = new FileSystemImageStore(new StorageProperties("filesystem", directory,
                directory.resolveSibling(directory.getFileName() + "-uploads")));
        stores.add(store);
        return store;
    }

    private Path singlePart() {
        List<Path> parts = files(directory.resolve(".staging")).stream()
                .filter(file -> file.toString().endsWith(".part")).toList();
        assertThat(parts).hasSize(1);
        return parts.get(0);
    }

    private static Path old(Path path) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        return path;
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
