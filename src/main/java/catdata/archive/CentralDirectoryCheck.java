package catdata.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads a zip's end record before {@link java.util.zip.ZipFile} opens the file. ZipFile reads the
 * central directory whole, into one array of the size the end record declares (up to 2 GB), and
 * sizes its tables by the entry count declared there, before anything else can be looked at: a
 * hostile archive would exhaust the heap right there. So each end record ZipFile could settle on
 * (it searches the last 64 KB backwards, as done here, and may skip a candidate that does not point
 * at a directory) is read first, with its ZIP64 counterpart, and the archive is refused if any
 * of them declares more entries or a larger directory than the limits allow.
 */
final class CentralDirectoryCheck {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int DIRECTORY_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;

    private final FileChannel file;
    private final long length;

    private CentralDirectoryCheck(FileChannel file) throws IOException {
        this.file = file;
        this.length = file.size();
    }

    /** Refuses the file unless it ends as a zip does, declaring at most the entries and directory allowed. */
    static void check(FileChannel file, ImportProperties limits) throws IOException {
        new CentralDirectoryCheck(file).check(limits);
    }

    private void check(ImportProperties limits) throws IOException {
        if (length < END_LENGTH) {
            throw notAZip();
        }
        int tailLength = (int) Math.min(length, END_LENGTH + MAX_COMMENT);
        long tailStart = length - tailLength;
        ByteBuffer tail = read(tailStart, tailLength);
        boolean found = false;
        for (int at = tailLength - END_LENGTH; at >= 0; at--) {
            if (tail.getInt(at) != END_SIGNATURE) {
                continue;
            }
            long endPosition = tailStart + at;
            long entries = Short.toUnsignedLong(tail.getShort(at + 10));
            long directorySize = Integer.toUnsignedLong(tail.getInt(at + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(at + 16));
            int comment = Short.toUnsignedInt(tail.getShort(at + 20));
            if (endPosition + END_LENGTH + comment != length
                    && !pointsAtDirectory(endPosition, directorySize, directoryOffset)) {
                continue;
            }
            found = true;
            refuseIfTooLarge(entries, directorySize, limits);
            checkZip64(endPosition, limits);
        }
        if (!found) {
            throw notAZip();
        }
    }

    /** ZipFile's test for an end record followed by other bytes: its directory and first entry are where it says. */
    private boolean pointsAtDirectory(long endPosition, long directorySize, long directoryOffset) throws IOException {
        long directory = endPosition - directorySize;
        long firstEntry = directory - directoryOffset;
        return directory >= 0 && firstEntry >= 0 && signatureAt(directory) == DIRECTORY_SIGNATURE
                && signatureAt(firstEntry) == LOCAL_SIGNATURE;
    }

    private void checkZip64(long endPosition, ImportProperties limits) throws IOException {
        if (endPosition < ZIP64_LOCATOR_LENGTH) {
            return;
        }
        ByteBuffer locator = read(endPosition - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return;
        }
        long end64 = locator.getLong(8);
        if (end64 < 0 || end64 > length - ZIP64_END_LENGTH) {
            return;
        }
        ByteBuffer end = read(end64, ZIP64_END_LENGTH);
        if (end.getInt(0) == ZIP64_END_SIGNATURE) {
            refuseIfTooLarge(end.getLong(32), end.getLong(40), limits);
        }
    }

    /** Negative values are 64-bit counts past {@code Long.MAX_VALUE}: too large too. */
    private static void refuseIfTooLarge(long entries, long directorySize, ImportProperties limits) {
        if (entries < 0 || entries > limits.maxEntries()) {
            throw new ArchiveTooLarge("The archive has more than " + limits.maxEntries()
                    + " entries (MAX_IMPORT_ENTRIES).");
        }
        if (directorySize < 0 || directorySize > limits.maxCentralDirectory()) {
            throw new ArchiveTooLarge("The archive's central directory is larger than " + limits.maxEntries()
                    + " entries need (MAX_IMPORT_ENTRIES).");
        }
    }

    private int signatureAt(long position) throws IOException {
        if (position > length - 4) {
            return 0;
        }
        return read(position, 4).getInt(0);
    }

    private ByteBuffer read(long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw notAZip();
            }
        }
        return buffer;
    }

    static InvalidArchive notAZip() {
        return new InvalidArchive("The file is not a zip archive: send the archive GET /api/export made.");
    }
}
