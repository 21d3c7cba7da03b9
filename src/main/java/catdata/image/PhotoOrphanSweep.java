package catdata.image;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.codec.ImageFormat;
import catdata.error.ApiException;
import catdata.photo.PhotoWriters;
import catdata.storage.ImageStore;

/**
 * Removes objects of the photo store that no row names, once they are older than
 * {@code PHOTO_ORPHAN_GRACE}: what is left when an instance dies between writing a photo's object
 * and committing its row (an upload, an import), or after the move into a bucket copied the file of
 * a photo already deleted. The grace is far longer than any upload takes, so an object whose row is
 * on its way is never taken. Only a store that lists its objects has any (the S3 store).
 *
 * <p>One instance sweeps at a time: the sweep holds a PostgreSQL advisory lock for its store while
 * it runs, and an instance that finds it taken skips its turn. It skips its turn too while any
 * batch of {@link PhotoWriters} runs: an import or a takeover may take longer than the grace.
 */
@Component
class PhotoOrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(PhotoOrphanSweep.class);
    private static final String LOCK_NAME = "catdata.photo-orphan-sweep";
    /** Up to this many orphans are removed even if they are most of the bucket's old objects. */
    private static final int FEW_ORPHANS = 10;

    private final JdbcClient jdbc;
    private final ImageStore store;
    private final Duration grace;
    private final TransactionTemplate transaction;
    private final PhotoWriters writers;

    PhotoOrphanSweep(JdbcClient jdbc, ImageStore store, ImageProperties properties, TransactionTemplate transaction,
            PhotoWriters writers) {
        this.jdbc = jdbc;
        this.writers = writers;
        this.store = store;
        this.grace = properties.orphanGrace();
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${catdata.images.orphan-sweep}", initialDelayString = "${catdata.images.orphan-sweep}")
    void sweep() {
        try {
            int removed = removeOrphans();
            if (removed > 0) {
                log.info("Removed {} photo objects that no row names (older than {})", removed, grace);
            }
        } catch (DataAccessException | TransactionException | ApiException e) {
            // The database or the bucket is down: the orphans wait for the next sweep.
            log.warn("Could not sweep the photo store for objects no row names: {}", e.getMessage());
        }
    }

    /** Removes the orphans older than the grace; how many. None if another instance is sweeping. */
    int removeOrphans() {
        Integer removed = transaction.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc
                    .sql("SELECT pg_try_advisory_xact_lock(hashtext(:lock), hashtext(:store))")
                    .param("lock", LOCK_NAME).param("store", store.location())
                    .query(Boolean.class).single());
            // A takeover or an import may be writing photos for longer than the grace.
            if (!mine || writers.anyWriting()) {
                return 0;
            }
            List<String> orphans = new ArrayList<>();
            long[] listed = {0};
            store.listWrittenBefore(Instant.now().minus(grace), page -> {
                listed[0] += page.size();
                orphans.addAll(unnamed(page));
            });
            if (!orphans.isEmpty() && (noPhotoRows() || mostlyOrphans(orphans.size(), listed[0]))) {
                log.error("Removed nothing from photo store {}: {} of its {} photo objects older than {} are named by "
                        + "no row of this database. Is DATABASE_URL the database these photos belong to? If they "
                        + "are truly unused, remove them by hand.", store.location(), orphans.size(), listed[0], grace);
                return 0;
            }
            int count = 0;
            for (String name : orphans) {
                try {
                    store.delete(name);
                    count++;
                } catch (IOException e) {
                    log.warn("Could not remove the photo object {} that no row names; the next sweep tries again: {}",
                            name, e.getMessage());
                }
            }
            return count;
        });
        return removed == null ? 0 : removed;
    }

    /**
     * The database, rather than the objects, is what is wrong when it has no photo at all, or when
     * more than a few of the old objects, and more than half, are orphans: an instance started with
     * this bucket on an empty database, or on another installation's, would otherwise remove every
     * photo in it. A crash leaves one orphan, or a failed import's worth next to the rest.
     */
    static boolean mostlyOrphans(long orphans, long listed) {
        return orphans > FEW_ORPHANS && orphans * 2 > listed;
    }

    private boolean noPhotoRows() {
        return !Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM images)").query(Boolean.class).single());
    }

    /**
     * The names in {@code page} that are neither a photo's nor its thumbnail's. A thumbnail's name is
     * its photo's stem with {@code -thumb} ({@link ImageStore#thumbnailName}), and a photo's name is its
     * stem with its format's extension: an object is kept when any row's photo has its stem.
     */
    private List<String> unnamed(List<String> page) {
        Set<String> candidates = page.stream().map(PhotoOrphanSweep::stemOf)
                .flatMap(stem -> Arrays.stream(ImageFormat.values()).map(format -> stem + "." + format.extension()))
                .collect(Collectors.toSet());
        Set<String> namedStems = jdbc.sql("SELECT name FROM images WHERE name IN (:names)")
                .param("names", candidates).query(String.class).list().stream()
                .map(PhotoOrphanSweep::stemOf).collect(Collectors.toSet());
        return page.stream().filter(name -> !namedStems.contains(stemOf(name))).toList();
    }

    private static String stemOf(String name) {
        String stem = name.substring(0, name.indexOf('.'));
        return stem.endsWith("-thumb") ? stem.substring(0, stem.length() - "-thumb".length()) : stem;
    }
}
