package catdata.image;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.storage.ImageStore;

/**
 * Removes the files of deleted photos, with their thumbnails, once their time in
 * {@code photo_file_removals} has come (why they wait: {@code V3__photo_file_removals.sql}).
 * Every instance sweeps its own store's queue; a row is locked while its file goes, so two
 * instances never work on the same one, and a file is removed before its row, so an instance that
 * dies in between leaves a row whose removal the next sweep simply repeats.
 */
@Component
class PhotoFileRemovals {

    private static final Logger log = LoggerFactory.getLogger(PhotoFileRemovals.class);
    private static final int BATCH = 100;
    /** A file that could not be removed is tried again after this long, not on every sweep. */
    private static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final ImageStore store;
    private final Thumbnails thumbnails;
    private final TransactionTemplate transaction;

    PhotoFileRemovals(JdbcClient jdbc, ImageStore store, Thumbnails thumbnails, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.store = store;
        this.thumbnails = thumbnails;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${catdata.images.file-removal-sweep}")
    void sweep() {
        try {
            while (removeDue() == BATCH) {
                // A full batch: there may be more due right now.
            }
        } catch (DataAccessException | TransactionException e) {
            // The database is down or failing: the rows are still there, and the next sweep tries again.
            log.warn("Could not remove the files of deleted photos now: {}", e.getMessage());
        }
    }

    /** Removes up to one batch of due files; returns how many were due. */
    int removeDue() {
        Integer due = transaction.execute(status -> {
            List<String> names = jdbc.sql("""
                    SELECT name FROM photo_file_removals
                    WHERE store = :store AND due_at <= now()
                    ORDER BY due_at
                    LIMIT :batch
                    FOR UPDATE SKIP LOCKED
                    """)
                    .param("store", store.location()).param("batch", BATCH)
                    .query(String.class).list();
            List<String> removed = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (String name : names) {
                (remove(name) ? removed : failed).add(name);
            }
            if (!removed.isEmpty()) {
                jdbc.sql("DELETE FROM photo_file_removals WHERE name IN (:names)").param("names", removed).update();
            }
            if (!failed.isEmpty()) {
                jdbc.sql("""
                        UPDATE photo_file_removals SET due_at = now() + make_interval(secs => :retrySeconds)
                        WHERE name IN (:names)""")
                        .param("retrySeconds", RETRY_AFTER.toSeconds()).param("names", failed).update();
            }
            return names.size();
        });
        return due == null ? 0 : due;
    }

    private boolean remove(String name) {
        try {
            store.delete(name);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove the file {} of a deleted photo; trying again in {}", name, RETRY_AFTER, e);
            return false;
        }
        // After the photo's file: a thumbnail being made right now checks for that file once its
        // thumbnail is in place, and removes it itself if the file is gone.
        thumbnails.deleteOf(name);
        log.debug("Removed the file {} of a deleted photo", name);
        return true;
    }
}
