package catdata.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Copies every photo and thumbnail of a file system store ({@code IMAGES_DIR}) into the bucket the
 * S3 store would use, under the same names, as the S3 store writes them (its type, its sha256 in the
 * metadata). Each object is read back and its bytes hashed: an object counts as moved only when its
 * bytes are the file's. One already there with the file's bytes is skipped, so a move that stopped
 * halfway is simply run again. Nothing else is changed, the database included (why: README, "Moving
 * photos into a bucket").
 */
final class PhotoMove {

    /** One progress line per this many files, so a large store shows it is moving. */
    private static final int PROGRESS_EVERY = 100;

    private final Path directory;
    private final S3Location location;
    private final S3Client s3;
    private final PrintStream out;

    PhotoMove(Path directory, S3Location location, S3Client s3, PrintStream out) {
        this.directory = directory.toAbsolutePath().normalize();
        this.location = location;
        this.s3 = s3;
        this.out = out;
    }

    /** What a finished move did; it throws {@link Failed} at the first file it could not move. */
    record Summary(int copied, int alreadyThere, int ignored, long bytesCopied) {

        int moved() {
            return copied + alreadyThere;
        }
    }

    /** Why the move stopped: one line for the operator. */
    static final class Failed extends RuntimeException {

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Summary run() {
        List<Path> files = storedFiles();
        int ignored = countOthers();
        out.printf("Moving %d photo files from %s to %s%n", files.size(), directory, location.describe());
        int copied = 0;
        int alreadyThere = 0;
        long bytesCopied = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            try {
                String sha256 = sha256(Files.newInputStream(file));
                long size = Files.size(file);
                if (holds(name, sha256, size)) {
                    alreadyThere++;
                } else {
                    copy(file, name, sha256);
                    copied++;
                    bytesCopied += size;
                }
            } catch (IOException e) {
                throw new Failed("could not read " + file + ": " + e.getMessage(), e);
            } catch (SdkException e) {
                throw new Failed("could not move " + name + " to " + location.describe() + ": "
                        + S3Failures.describe(e), e);
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                out.printf("  %d of %d (%d copied, %d already there)%n", i + 1, files.size(), copied, alreadyThere);
            }
        }
        Summary summary = new Summary(copied, alreadyThere, ignored, bytesCopied);
        out.printf("Done: %d files in %s, each checked by its sha256: %d copied (%d bytes), %d already there"
                + "%s%n", summary.moved(), location.describe(), copied, bytesCopied, alreadyThere,
                ignored == 0 ? "" : "; " + ignored + " other files in " + directory + " left alone");
        return summary;
    }

    /** Photos and thumbnails: the names the service makes; the staging area and anything else are not moved. */
    private List<Path> storedFiles() {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(Files::isRegularFile)
                    .filter(file -> StoredNames.isStoredName(file.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new Failed("cannot list IMAGES_DIR " + directory + ": " + e.getMessage(), e);
        }
    }

    private int countOthers() {
        try (Stream<Path> listed = Files.list(directory)) {
            return (int) listed.filter(path -> !StoredNames.isStoredName(path.getFileName().toString())).count();
        } catch (IOException e) {
            throw new Failed("cannot list IMAGES_DIR " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the bucket already holds these bytes under this name: the metadata the S3 store writes
     * says so cheaply, and reading the bytes back makes sure (an object replaced by another tool, or
     * damaged, keeps its metadata).
     */
    private boolean holds(String name, String sha256, long size) {
        Optional<HeadObjectResponse> head = head(name);
        if (head.isEmpty() || !sha256.equals(head.get().metadata().get("sha256"))
                || head.get().contentLength() != size) {
            return false;
        }
        return sha256.equals(storedSha256(name));
    }

    private void copy(Path file, String name, String sha256) {
        s3.putObject(request -> request.bucket(location.bucket()).key(location.key(name))
                .contentType(S3ImageStore.contentTypeOf(name)).metadata(Map.of("sha256", sha256)),
                RequestBody.fromFile(file));
        String stored = storedSha256(name);
        if (!sha256.equals(stored)) {
            throw new Failed("the object " + location.key(name) + " does not hold the bytes of " + file
                    + " after it was written (sha256 " + stored + ", not " + sha256 + ")", null);
        }
    }

    private Optional<HeadObjectResponse> head(String name) {
        try {
            return Optional.of(s3.headObject(request -> request.bucket(location.bucket()).key(location.key(name))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private String storedSha256(String name) {
        try {
            return sha256(s3.getObject(request -> request.bucket(location.bucket()).key(location.key(name))));
        } catch (IOException e) {
            throw new Failed("could not read back " + location.key(name) + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(InputStream bytes) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(bytes, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
