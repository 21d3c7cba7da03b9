package catdata.archive;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded archive, opened for reading only after its central directory was checked: its size
 * ({@link CentralDirectoryCheck}), then every entry's name, method and declared sizes, before a
 * single byte is inflated. Entries are then read through {@link EntryUse}, which counts what they
 * really inflate to.
 *
 * <p>{@link ZipFile} is used (not a stream over the upload) because its random access reads the
 * central directory first, so a bad archive is refused before anything is extracted.
 */
final class ArchiveFile implements Closeable {

    private final ZipFile zip;
    private final ImportProperties limits;
    private final UncompressedBudget budget;
    private final Map<String, ZipEntry> files;

    private ArchiveFile(ZipFile zip, ImportProperties limits, Map<String, ZipEntry> files) {
        this.zip = zip;
        this.limits = limits;
        this.budget = new UncompressedBudget(limits);
        this.files = files;
    }

    static ArchiveFile open(Path path, ImportProperties limits) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            CentralDirectoryCheck.check(channel, limits);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // ZipFile's words for a file that is not a zip, one whose records point past its end, and
            // an entry name that is not UTF-8.
            throw CentralDirectoryCheck.notAZip();
        }
        try {
            return new ArchiveFile(zip, limits, checkedEntries(zip, limits));
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The catalogue, for one reading. */
    InputStream catalogue() throws IOException {
        return new EntryUse(zip, files.get(ArchiveLayout.CATALOGUE), budget, Long.MAX_VALUE, null).getInputStream();
    }

    /** A photo's bytes for one row, if the archive has an entry of that name. */
    Optional<EntryUse> photo(String name) {
        ZipEntry entry = ArchiveLayout.isPhoto(name) ? files.get(name) : null;
        return Optional.ofNullable(entry).map(found -> new EntryUse(zip, found, budget, limits.maxPhotoSize().toBytes(),
                photoTooLarge(found.getName())));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * Every entry, from the central directory alone: no more than allowed; each name once, inside the
     * archive and part of the layout; stored or deflated; declared sizes within the limits.
     */
    private static Map<String, ZipEntry> checkedEntries(ZipFile zip, ImportProperties limits) {
        Map<String, ZipEntry> files = new HashMap<>();
        int count = 0;
        long declared = 0;
        try {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (++count > limits.maxEntries()) {
                    throw new ArchiveTooLarge("The archive has more than " + limits.maxEntries()
                            + " entries (MAX_IMPORT_ENTRIES).");
                }
                String name = ArchiveLayout.checkedName(entry.getName());
                if (files.put(name, entry) != null) {
                    throw new InvalidArchive("Archive entry '" + ArchiveLayout.printable(name) + "' appears twice.");
                }
                declared = addDeclared(declared, checkedSizes(entry, limits), limits);
            }
        } catch (IllegalArgumentException e) {
            // ZipFile's answer to an entry name that is not valid UTF-8, among others.
            throw CentralDirectoryCheck.notAZip();
        }
        if (!files.containsKey(ArchiveLayout.CATALOGUE) || files.get(ArchiveLayout.CATALOGUE).isDirectory()) {
            throw new InvalidArchive("The archive has no " + ArchiveLayout.CATALOGUE
                    + ": send the archive GET /api/export made.");
        }
        return files;
    }

    /** The entry's declared uncompressed size, once it is known to be one the import would read. */
    private static long checkedSizes(ZipEntry entry, ImportProperties limits) {
        if (entry.isDirectory()) {
            return 0;
        }
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
            throw new InvalidArchive("Archive entry '" + ArchiveLayout.printable(entry.getName())
                    + "' uses a compression method this service does not read (only stored and deflated).");
        }
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || compressed < 0) {
            throw new InvalidArchive("Archive entry '" + ArchiveLayout.printable(entry.getName())
                    + "' has no size in the central directory.");
        }
        if (EntryUse.exceedsRatio(size, compressed)) {
            throw EntryUse.compressedTooFar(entry);
        }
        if (ArchiveLayout.isPhoto(entry.getName()) && size > limits.maxPhotoSize().toBytes()) {
            throw new ArchiveTooLarge(photoTooLarge(entry.getName(), limits));
        }
        return size;
    }

    private static long addDeclared(long total, long size, ImportProperties limits) {
        long sum = total + size;
        if (sum < total || sum > limits.maxSize().toBytes()) {
            throw UncompressedBudget.tooLarge(limits);
        }
        return sum;
    }

    private String photoTooLarge(String name) {
        return photoTooLarge(name, limits);
    }

    /** As an upload of the photo would be told. */
    private static String photoTooLarge(String name, ImportProperties limits) {
        return ArchiveLayout.printable(name) + ": File too large (max " + limits.describeMaxPhotoSize() + ").";
    }
}
