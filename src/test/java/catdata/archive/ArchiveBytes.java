package catdata.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archives as tests make and read them: a zip built entry by entry (deflated, or stored as a test
 * says), and the entries of a zip the service sent.
 */
final class ArchiveBytes {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CENTRAL_DIRECTORY_SIGNATURE = 0x02014b50;

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Boolean> stored = new LinkedHashMap<>();

    /** An archive of the given catalogue and nothing else yet. */
    static ArchiveBytes of(String catalogue) {
        return new ArchiveBytes().with("catalogue.json", catalogue);
    }

    static ArchiveBytes of(JsonNode catalogue) {
        return of(JSON.writeValueAsString(catalogue));
    }

    ArchiveBytes with(String name, String content) {
        return with(name, content.getBytes(StandardCharsets.UTF_8));
    }

    ArchiveBytes with(String name, byte[] content) {
        entries.put(name, content);
        stored.put(name, false);
        return this;
    }

    /** As {@link #with}, the entry stored rather than deflated. */
    ArchiveBytes withStored(String name, byte[] content) {
        entries.put(name, content);
        stored.put(name, true);
        return this;
    }

    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (stored.get(entry.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.getValue());
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCompressedSize(entry.getValue().length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Every entry of a zip, by name, in the zip's order. */
    static Map<String, byte[]> entriesOf(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static ObjectNode catalogueOf(byte[] zip) {
        return (ObjectNode) JSON.readTree(entriesOf(zip).get("catalogue.json"));
    }

    /** A catalogue of format 1 with the given rows (each a JSON array's text). */
    static ObjectNode catalogue(String containers, String tags, String photos, String items) {
        return (ObjectNode) JSON.readTree("{\"format_version\": 1, \"containers\": " + containers + ", \"tags\": " + tags
                + ", \"photos\": " + photos + ", \"items\": " + items + "}");
    }

    /**
     * The zip with the uncompressed size its central directory declares for {@code name} replaced: an
     * archive that lies about what its entry inflates to.
     */
    static byte[] declaringSize(byte[] zip, String name, int size) {
        byte[] patched = zip.clone();
        ByteBuffer bytes = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 <= patched.length; at++) {
            if (bytes.getInt(at) == CENTRAL_DIRECTORY_SIGNATURE && bytes.getShort(at + 28) == wanted.length
                    && Arrays.equals(patched, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                bytes.putInt(at + 24, size);
                return patched;
            }
        }
        throw new IllegalArgumentException("No entry " + name);
    }

    /**
     * The zip with every occurrence of {@code from} (in names, or in a stored entry's bytes) replaced
     * by {@code to}, which is as long.
     */
    static byte[] replacing(byte[] zip, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        byte[] patched = zip.clone();
        boolean found = false;
        for (int at = 0; at + needle.length <= patched.length; at++) {
            if (Arrays.equals(patched, at, at + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, patched, at, needle.length);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("Not in the zip: " + from);
        }
        return patched;
    }

    /** Names of entries, for assertions. */
    static List<String> names(byte[] zip) {
        return List.copyOf(entriesOf(zip).keySet());
    }
}
