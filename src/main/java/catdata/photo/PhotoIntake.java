package catdata.photo;

import java.io.IOException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import catdata.codec.ImageFormat;
import catdata.codec.ImageInspector;
import catdata.codec.PhotoSanitizer;
import catdata.codec.UnsupportedImage;
import catdata.storage.ImageStore;

/**
 * How photo bytes come in, whoever brings them (an upload, an imported archive, an adopted
 * database): judged by their bytes alone, stored without their metadata and trailing bytes (the
 * sanitized copy is what is checked, measured, hashed and kept), and only if they decode within
 * the pixel limit. A photo refused here is refused the same way everywhere.
 */
@Component
public class PhotoIntake {

    private static final Logger log = LoggerFactory.getLogger(PhotoIntake.class);

    private final ImageStore store;
    private final ImageInspector inspector;
    private final PhotoSanitizer sanitizer;

    PhotoIntake(ImageStore store, ImageInspector inspector, PhotoSanitizer sanitizer) {
        this.store = store;
        this.inspector = inspector;
        this.sanitizer = sanitizer;
    }

    /**
     * The photo staged under a fresh name, not yet visible; {@link UnsupportedImage} (415) or a
     * size refusal (413) if the bytes are not a photo this service keeps.
     */
    public JudgedPhoto judge(InputStreamSource source) throws IOException {
        ImageFormat format = ImageFormat.sniff(source).orElseThrow(UnsupportedImage::new);
        var staged = store.stage(out -> sanitizer.sanitize(format, source, out));
        try {
            ImageInspector.Inspection inspection = inspector.inspect(staged.path());
            return new JudgedPhoto(staged, inspection.format(), inspection.width(), inspection.height(),
                    ImageStore.newName(inspection.format().extension()));
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    /**
     * Moves the judged photo into place inside the current transaction; should the transaction
     * not commit, the file goes too, so no photo file exists without its row.
     */
    public void publish(JudgedPhoto photo) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A photo is published inside the transaction that writes its row");
        }
        store.publish(photo.staged(), photo.name());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // Not only STATUS_ROLLED_BACK: a commit that fails is reported as STATUS_UNKNOWN, and
                // the caller is told it failed, so the file must not stay behind.
                if (status != STATUS_COMMITTED) {
                    remove(photo.name());
                }
            }
        });
    }

    /**
     * Stores the judged photo, then writes its row with {@code writeRow} (its own short
     * transaction); should that fail, the stored photo goes again. For a single photo, so that no
     * database connection waits on the store: a slow bucket would otherwise hold one connection
     * per upload until the pool ran dry for every other request. An instance that dies between the
     * two leaves an object no row names, which the orphan sweep removes after its grace.
     */
    public <T> T storeThenWriteRow(JudgedPhoto photo, Supplier<T> writeRow) {
        store.publish(photo.staged(), photo.name());
        try {
            return writeRow.get();
        } catch (RuntimeException | Error e) {
            // Also when the commit's outcome is unknown: the caller is told it failed.
            remove(photo.name());
            throw e;
        }
    }

    /** Removes a published photo whose row is not there after all (its transaction went another way). */
    public void remove(String name) {
        try {
            store.delete(name);
        } catch (IOException e) {
            log.error("Could not remove photo file {} after its row was rolled back", name, e);
        }
    }
}
