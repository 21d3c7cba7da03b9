package catdata.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A photo's bytes written to a new staging file, hashed on the way; what every store stages. */
final class StagedWrite {

    private static final Logger log = LoggerFactory.getLogger(StagedWrite.class);

    private StagedWrite() {
    }

    /**
     * Writes {@code content} to {@code file}, which must not exist yet. On any failure the file is
     * removed; an exception from {@code content} is passed on as it is.
     */
    static StagedImage to(Path file, ImageStore.Content content) throws IOException {
        MessageDigest sha256 = sha256();
        try {
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), sha256)) {
                content.writeTo(out);
            }
            return new StagedImage(file, Files.size(file), HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
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
