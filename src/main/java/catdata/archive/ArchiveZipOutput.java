package catdata.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The archive's zip, each entry compressed as suits it. Photos are already compressed: they are
 * deflated at level 0 (stored blocks, nearly no work). The catalogue is Huffman-coded only: that never
 * shrinks anything more than 8 to 1, so however repetitive its text, no export trips the import's
 * 100 to 1 rule. {@link ZipOutputStream} keeps its deflater protected, hence a subclass.
 */
final class ArchiveZipOutput extends ZipOutputStream {

    ArchiveZipOutput(OutputStream out) {
        super(out, StandardCharsets.UTF_8);
    }

    void startPhoto(String name, Instant time) throws IOException {
        setLevel(Deflater.NO_COMPRESSION);
        def.setStrategy(Deflater.DEFAULT_STRATEGY);
        putNextEntry(entry(name, time));
    }

    void startCatalogue(Instant time) throws IOException {
        setLevel(Deflater.DEFAULT_COMPRESSION);
        def.setStrategy(Deflater.HUFFMAN_ONLY);
        putNextEntry(entry(ArchiveLayout.CATALOGUE, time));
    }

    private static ZipEntry entry(String name, Instant time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time.toEpochMilli());
        return entry;
    }
}
