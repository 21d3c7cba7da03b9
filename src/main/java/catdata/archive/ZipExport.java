package catdata.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import catdata.owner.Owner;
import catdata.storage.ImageStore;
import catdata.storage.OpenedFile;

/**
 * Writes a household as an archive ({@link ArchiveLayout}), row by row and file by file as they are
 * read, so memory does not grow with the catalogue. The photos come first, then {@code catalogue.json}:
 * a photo whose file has gone (logged) is then left out of the catalogue, and its items are written
 * without it, instead of the archive naming a file it lacks.
 */
@Component
class ZipExport {

    private static final Logger log = LoggerFactory.getLogger(ZipExport.class);

    private final ExportRepository rows;
    private final ImageStore store;
    private final ObjectWriter json;

    ZipExport(ExportRepository rows, ImageStore store, JsonMapper mapper) {
        this.rows = rows;
        this.store = store;
        this.json = mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /**
     * Must run in one repeatable-read transaction. On failure nothing more is written, and the zip is
     * not finished: a cut-off download must not end in a central directory that makes it look whole.
     */
    void write(Owner owner, OutputStream out) throws IOException {
        ArchiveZipOutput zip = new ArchiveZipOutput(out);
        Set<String> missing = writePhotos(owner, zip);
        writeCatalogue(owner, zip, missing);
        zip.finish();
    }

    /** Every distinct photo's bytes; answers the SHA-256 of those whose file could not be found. */
    private Set<String> writePhotos(Owner owner, ArchiveZipOutput zip) {
        Set<String> missing = new HashSet<>();
        rows.photoFiles(owner, photo -> {
            Optional<OpenedFile> file = store.open(photo.storedName());
            if (file.isEmpty()) {
                log.warn("Photo file {} is missing; household {} is exported without it", photo.storedName(),
                        owner.household());
                missing.add(photo.sha256());
                return;
            }
            try (OpenedFile bytes = file.get()) {
                zip.startPhoto(photo.entry(), photo.createdAt());
                bytes.bytes().transferTo(zip);
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return missing;
    }

    private void writeCatalogue(Owner owner, ArchiveZipOutput zip, Set<String> missingFiles) throws IOException {
        zip.startCatalogue(Instant.now());
        JsonGenerator generator = json.createGenerator(zip);
        generator.writeStartObject();
        generator.writeNumberProperty("format_version", ArchiveLayout.FORMAT_VERSION);
        generator.writeName("exported_at");
        generator.writePOJO(Instant.now());
        generator.writeName("containers");
        generator.writeStartArray();
        rows.containers(owner, generator::writePOJO);
        generator.writeEndArray();
        generator.writeName("tags");
        generator.writeStartArray();
        rows.tags(owner, generator::writePOJO);
        generator.writeEndArray();
        Set<Long> photosLeftOut = new HashSet<>();
        generator.writeName("photos");
        generator.writeStartArray();
        rows.photos(owner, photo -> {
            if (missingFiles.contains(photo.sha256())) {
                photosLeftOut.add(photo.id());
            } else {
                generator.writePOJO(photo);
            }
        });
        generator.writeEndArray();
        generator.writeName("items");
        generator.writeStartArray();
        rows.items(owner, item -> generator.writePOJO(photosLeftOut.contains(item.photoId()) ? item.withoutPhoto() : item));
        generator.writeEndArray();
        generator.writeEndObject();
        generator.close();
        zip.closeEntry();
    }
}
