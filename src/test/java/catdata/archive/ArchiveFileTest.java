package catdata.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.InputStreamSource;
import org.springframework.util.unit.DataSize;

import catdata.support.TestImages;

/**
 * How an archive is opened and read, without the database: the central directory checked before
 * {@link java.util.zip.ZipFile} may allocate it, real inflated bytes counted, and the defaults of rows
 * that do not say when or by whom they were made.
 */
class ArchiveFileTest {

    private static final ImportProperties LIMITS = new ImportProperties(DataSize.ofMegabytes(2), 20, 100,
            DataSize.ofMegabytes(1));
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final List<Path> files = new ArrayList<>();

    @AfterEach
    void removeFiles() throws IOException {
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anEndRecordDeclaringAHugeDirectoryIsRefusedBeforeZipFileReadsIt() throws IOException {
        for (String name : List.of("end-declaring-2gb-directory.zip", "zip64-end-declaring-huge-directory.zip")) {
            byte[] archive = resource(name);

            assertThatThrownBy(() -> ArchiveFile.open(file(archive), LIMITS)).as(name)
                    .isInstanceOf(ArchiveTooLarge.class).hasMessageStartingWith("The archive has more than 20 entries");
        }
    }

    @Test
    void anEntryThatInflatesPastWhatItDeclaresIsStoppedThere() throws IOException {
        byte[] archive = resource("bomb-declaring-small-size.zip");

        assertThatThrownBy(() -> read(archive, new Rows())).isInstanceOf(InvalidArchive.class)
                .hasMessage("Archive entry 'catalogue.json' holds more bytes than its header declares.");
    }

    @Test
    void aPhotoTwoRowsUseCountsTwiceAndRereadingItCountsOnce() throws IOException {
        byte[] photo = TestImages.pngWithTextChunk(TestImages.png(4, 4), 700_000);
        String twoRows = ArchiveBytes.catalogue("[]", "[]", "[{\"id\": 1, \"file\": \"photos/a.png\"}, {\"id\": 2, "
                + "\"file\": \"photos/a.png\"}]", "[]").toString();
        String threeRows = ArchiveBytes.catalogue("[]", "[]", "[{\"id\": 1, \"file\": \"photos/a.png\"}, {\"id\": 2, "
                + "\"file\": \"photos/a.png\"}, {\"id\": 3, \"file\": \"photos/a.png\"}]", "[]").toString();

        Rows read = read(ArchiveBytes.of(twoRows).with("photos/a.png", photo).zip(), new Rows());

        assertThat(read.photos).isEqualTo(2);
        assertThatThrownBy(() -> read(ArchiveBytes.of(threeRows).with("photos/a.png", photo).zip(), new Rows()))
                .isInstanceOf(ArchiveTooLarge.class).hasMessage("The archive holds more than 2MB once uncompressed "
                        + "(MAX_IMPORT_SIZE).");
    }

    @Test
    void aRowThatDoesNotSayWhenOrByWhomIsTheImportsAndItsUpdateIsItsCreation() throws IOException {
        String catalogue = ArchiveBytes.catalogue("[{\"id\": 1, \"name\": \"Box\"}, {\"id\": 2, \"name\": \"Crate\", "
                + "\"created_at\": \"2020-05-06T07:08:09.010+02:00\", \"created_by\": \"maker\"}]", "[]", "[]", "[]")
                .toString();

        Rows read = read(ArchiveBytes.of(catalogue).zip(), new Rows());

        assertThat(read.stamps).containsExactly(new Stamps(NOW, NOW, "importer", "importer"),
                new Stamps(Instant.parse("2020-05-06T05:08:09.010Z"), Instant.parse("2020-05-06T05:08:09.010Z"),
                        "maker", "maker"));
    }

    private Rows read(byte[] archive, Rows rows) throws IOException {
        try (ArchiveFile opened = ArchiveFile.open(file(archive), LIMITS)) {
            new CatalogueReader(opened, rows, LIMITS.maxRows(), "importer", NOW).read();
        }
        return rows;
    }

    private Path file(byte[] archive) throws IOException {
        Path file = Files.createTempFile("catdata-archive-test", ".zip");
        files.add(file);
        return Files.write(file, archive);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ArchiveFileTest.class.getResourceAsStream("ArchiveReaderFuzzTestInputs/archive/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Remembers the containers' stamps and reads each photo whole, twice, as the intake does. */
    private static final class Rows implements ImportSink {
        final List<Stamps> stamps = new ArrayList<>();
        int photos;

        @Override
        public long container(String name, String description, Stamps stamps) {
            this.stamps.add(stamps);
            return this.stamps.size();
        }

        @Override
        public long tag(String name, Stamps stamps) {
            return 1;
        }

        @Override
        public long photo(String entry, String originalName, Stamps stamps, InputStreamSource bytes) {
            try {
                for (int pass = 0; pass < 2; pass++) {
                    try (InputStream in = bytes.getInputStream()) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return ++photos;
        }

        @Override
        public void item(String name, String description, long containerId, OptionalLong photoId,
                Collection<Long> tagIds, Stamps stamps) {
        }
    }
}
