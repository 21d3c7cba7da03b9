package catdata.archive;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.springframework.core.io.InputStreamSource;

/**
 * One use of an archive entry: the catalogue read once, or a photo judged for one row. It may be
 * opened as often as its reader needs (the photo intake reads a photo more than once); each stream
 * inflates the entry afresh and counts the bytes it really gets. The budget is charged for the most
 * any stream of this use has read, so rereading costs nothing, while a photo that two rows use counts
 * twice, as it is stored twice.
 *
 * <p>What is wrong is thrown as an {@link ArchiveRefusal} from {@code read}, not as an
 * {@link IOException}: the photo store turns any {@code IOException} of the bytes it stages into
 * "storage unavailable", and a damaged archive is the client's doing.
 */
final class EntryUse implements InputStreamSource {

    private final ZipFile zip;
    private final ZipEntry entry;
    private final UncompressedBudget budget;
    /** The most this entry may inflate to, whatever it declares; {@code Long.MAX_VALUE} for none of its own. */
    private final long limit;
    private final String overLimit;
    private long charged;

    EntryUse(ZipFile zip, ZipEntry entry, UncompressedBudget budget, long limit, String overLimit) {
        this.zip = zip;
        this.entry = entry;
        this.budget = budget;
        this.limit = limit;
        this.overLimit = overLimit;
    }

    String name() {
        return entry.getName();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        try {
            return new CountedStream(zip.getInputStream(entry));
        } catch (ZipException | EOFException e) {
            throw damaged();
        }
    }

    private void reached(long position) {
        if (position > entry.getSize()) {
            throw new InvalidArchive("Archive entry '" + name() + "' holds more bytes than its header declares.");
        }
        if (exceedsRatio(position, entry.getCompressedSize())) {
            throw compressedTooFar(entry);
        }
        if (position > limit) {
            throw new ArchiveTooLarge(overLimit);
        }
        if (position > charged) {
            budget.spend(position - charged);
            charged = position;
        }
    }

    /** Whether {@code inflated} bytes from {@code stored} are more than {@link ImportProperties#MAX_RATIO} to one. */
    static boolean exceedsRatio(long inflated, long stored) {
        return stored < Long.MAX_VALUE / ImportProperties.MAX_RATIO && inflated > stored * ImportProperties.MAX_RATIO;
    }

    static ArchiveTooLarge compressedTooFar(ZipEntry entry) {
        return new ArchiveTooLarge("Archive entry '" + entry.getName() + "' is compressed more than "
                + ImportProperties.MAX_RATIO + " to 1, which only zip bombs are.");
    }

    private InvalidArchive damaged() {
        return new InvalidArchive("Archive entry '" + name() + "' is damaged: its bytes cannot be read back.");
    }

    private final class CountedStream extends FilterInputStream {

        private final CRC32 crc = new CRC32();
        private long position;

        CountedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                // ZipFile's words for deflated data that is corrupt, or ends early.
                throw damaged();
            }
            if (n > 0) {
                position += n;
                reached(position);
                crc.update(buffer, offset, n);
            } else if (n < 0) {
                checkWhole();
            }
            return n;
        }

        /** Through {@link #read}, so that skipped bytes are inflated, counted and checked too. */
        @Override
        public long skip(long count) throws IOException {
            byte[] discarded = new byte[(int) Math.min(count, 8192)];
            long skipped = 0;
            while (skipped < count) {
                int n = read(discarded, 0, (int) Math.min(count - skipped, discarded.length));
                if (n < 0) {
                    break;
                }
                skipped += n;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** At its end the entry must be as long as declared and match its CRC: else it was damaged or doctored. */
        private void checkWhole() {
            if (position != entry.getSize() || crc.getValue() != entry.getCrc()) {
                throw damaged();
            }
        }
    }
}
