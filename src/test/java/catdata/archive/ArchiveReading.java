package catdata.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;

import org.springframework.core.io.InputStreamSource;
import org.springframework.util.unit.DataSize;

/**
 * The import's reading of an archive without the database: the archive checked and opened
 * ({@link ArchiveFile}), the catalogue read ({@link CatalogueReader}) into a sink that gives each row
 * an id and reads each photo twice through, as the photo intake does. For the fuzz test, whose
 * limits keep each input's work small.
 */
final class ArchiveReading {

    static final ImportProperties LIMITS = new ImportProperties(DataSize.ofMegabytes(8), 100, 1000,
            DataSize.ofMegabytes(1));

    enum Outcome { READ, REFUSED }

    private ArchiveReading() {
    }

    /** Read, or refused with one of the import's own refusals; anything else is thrown. */
    static Outcome read(byte[] archive) throws IOException {
        Path file = Files.createTempFile("catdata-archive-fuzz", ".zip");
        try {
            Files.write(file, archive);
            try (ArchiveFile opened = ArchiveFile.open(file, LIMITS)) {
                new CatalogueReader(opened, new DrainingSink(), LIMITS.maxRows(), "fuzzer", Instant.EPOCH).read();
            }
            return Outcome.READ;
        } catch (ArchiveRefusal refused) {
            return Outcome.REFUSED;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Stores nothing; reads photos as the intake would (a sniff of the start, then the whole twice). */
    private static final class DrainingSink implements ImportSink {

        private long ids;

        @Override
        public long container(String name, String description, Stamps stamps) {
            return ++ids;
        }

        @Override
        public long tag(String name, Stamps stamps) {
            return ++ids;
        }

        @Override
        public long photo(String entry, String originalName, Stamps stamps, InputStreamSource bytes) {
            try {
                try (InputStream head = bytes.getInputStream()) {
                    head.readNBytes(16);
                }
                for (int pass = 0; pass < 2; pass++) {
                    try (InputStream in = bytes.getInputStream()) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Reading a photo of a file on disk failed", e);
            }
            return ++ids;
        }

        @Override
        public void item(String name, String description, long containerId, OptionalLong photoId,
                Collection<Long> tagIds, Stamps stamps) {
            ids++;
        }
    }
}
