package catdata.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a photo store holds, as the photo tests look at it, whichever store the service runs on:
 * files in {@code IMAGES_DIR} ({@link #inDirectory}) or objects in a bucket ({@link #inBucket}).
 */
public interface StoredPhotos {

    /** The photo or thumbnail stored under this name, if there is one. */
    Optional<byte[]> read(String name);

    default boolean contains(String name) {
        return read(name).isPresent();
    }

    /** Loses a stored photo behind the service's back, as a failing disk or a careless operator would. */
    void lose(String name);

    /**
     * Everything the store holds, unfinished uploads included, as names to compare before and
     * after a request that must leave nothing behind.
     */
    Set<String> everything();

    /** Unfinished uploads: staged files that no request is writing any more. */
    Set<String> staged();

    /** The files in {@code imagesDir}; the store stages uploads in {@code imagesDir/.staging}. */
    static StoredPhotos inDirectory(Path imagesDir) {
        return new StoredPhotos() {
            @Override
            public Optional<byte[]> read(String name) {
                Path file = imagesDir.resolve(name);
                try {
                    return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void lose(String name) {
                try {
                    Files.delete(imagesDir.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Set<String> everything() {
                return files(imagesDir, file -> true);
            }

            @Override
            public Set<String> staged() {
                return files(imagesDir.resolve(".staging"), file -> file.toString().endsWith(".part"));
            }
        };
    }

    /**
     * The objects under {@code prefix} in {@code bucket}; the store stages uploads in
     * {@code uploads} (DATA_DIR/uploads) on local disk.
     */
    static StoredPhotos inBucket(TestS3 s3, String bucket, String prefix, Path uploads) {
        return new StoredPhotos() {
            @Override
            public Optional<byte[]> read(String name) {
                return s3.read(bucket, prefix + name);
            }

            @Override
            public void lose(String name) {
                s3.delete(bucket, prefix + name);
            }

            /** The whole bucket, not only the prefix: a photo stored under another key would be a fault. */
            @Override
            public Set<String> everything() {
                Set<String> all = new TreeSet<>(s3.keys(bucket, ""));
                all.addAll(staged());
                return all;
            }

            @Override
            public Set<String> staged() {
                return files(uploads, file -> file.toString().endsWith(".part"));
            }
        };
    }

    private static Set<String> files(Path directory, Predicate<Path> which) {
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(which).map(file -> directory.relativize(file).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
