package catdata.archive;

import java.time.Instant;

/** One distinct photo of a household: the stored file whose bytes go into the archive under {@link #entry()}. */
record PhotoFile(String sha256, String storedName, String contentType, Instant createdAt) {

    String entry() {
        return ArchiveLayout.photoEntry(sha256, contentType);
    }
}
