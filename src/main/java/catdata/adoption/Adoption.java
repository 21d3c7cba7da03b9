package catdata.adoption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import catdata.config.InvalidConfigurationException;
import catdata.database.Takeover;
import catdata.owner.HouseholdProperties;
import catdata.photo.PhotoIntake;
import catdata.storage.ImageStore;
import catdata.storage.StorageProperties;

/**
 * Taking over a database of the original Node cat-data, in place: its tables become this service's
 * with their ids, every row goes to {@code LEGACY_OWNER}'s personal household (or, in shared mode,
 * the shared one), its photo files are judged and copied into the photo store. One transaction;
 * a failure (or a death) leaves the database as it was and the copied files are removed, at once
 * or at the next start, which tries again from the beginning.
 */
@Component
class Adoption implements Takeover {

    private static final Logger log = LoggerFactory.getLogger(Adoption.class);

    /** Whom adopted rows are recorded as made by when no user is named: the original had no users. */
    static final String ORIGINAL_AUTHOR = "cat-data-original";

    private final AdoptionProperties properties;
    private final HouseholdProperties households;
    private final StorageProperties storage;
    // Looked up only for a database that is the original's, after the settings are checked: the
    // photo store makes its directories when it is made.
    private final ObjectProvider<PhotoIntake> intake;
    private final ObjectProvider<ImageStore> store;

    Adoption(AdoptionProperties properties, HouseholdProperties households, StorageProperties storage,
            ObjectProvider<PhotoIntake> intake, ObjectProvider<ImageStore> store) {
        this.properties = properties;
        this.households = households;
        this.storage = storage;
        this.intake = intake;
        this.store = store;
    }

    @Override
    public Optional<Steps> recognise(DataSource dataSource) {
        JdbcClient database = JdbcClient.create(dataSource);
        if (!OriginalDatabase.isOriginal(database)) {
            if (properties.dryRun()) {
                throw dryRunFinished("ADOPT_DRY_RUN=true, but this database is not one of the original cat-data (it "
                        + "has no knex_migrations table, or was taken over already): nothing to adopt, nothing changed.");
            }
            return Optional.empty();
        }
        refuseToWriteIntoTheOriginalsFolder();
        OriginalPhotos photos = new OriginalPhotos(properties.imagesDir(), intake.getObject());
        AdoptionJournal journal = new AdoptionJournal(dataSource);
        if (properties.dryRun()) {
            AdoptionSummary summary = new AdoptionRun(photos, store.getObject(), journal)
                    .rehearse(database, destination().describe());
            throw dryRunFinished("Dry run (ADOPT_DRY_RUN=true), nothing changed: " + summary.line("would adopt")
                    + " Photos are read from " + photos.folder() + ".");
        }
        if (!households.shared() && !properties.hasOwner()) {
            throw new InvalidConfigurationException("This is a database of the original cat-data: set LEGACY_OWNER="
                    + "<sub> to adopt it into that user's personal household, or SHARED_HOUSEHOLD=true to adopt it "
                    + "into the shared household", "Nothing was changed. ADOPT_DRY_RUN=true shows what would be adopted.");
        }
        AdoptionLock lock = AdoptionLock.take(dataSource);
        try {
            // Another instance may have taken it over while this one waited for the lock.
            if (!OriginalDatabase.isOriginal(database)) {
                lock.close();
                return Optional.empty();
            }
            removeWhatAFailedTakeoverLeft(journal);
            journal.create();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        log.info("Adopting the original cat-data database into {}, photos from {}", destination().describe(),
                photos.folder());
        return Optional.of(new AdoptionSteps(new AdoptionRun(photos, store.getObject(), journal), journal, lock));
    }

    private static DryRunFinished dryRunFinished(String report) {
        log.info(report);
        return new DryRunFinished(report);
    }

    /**
     * The original's folder is left as it was, so that going back stays possible: the photo store
     * may not be it, nor lie inside it (photos in a bucket are neither).
     */
    private void refuseToWriteIntoTheOriginalsFolder() {
        if (!storage.keepsPhotosInImagesDir()) {
            return;
        }
        Path legacy = realPath(properties.imagesDir());
        Path ours = realPath(storage.imagesDir());
        if (ours.startsWith(legacy)) {
            throw new InvalidConfigurationException("IMAGES_DIR (" + ours + ") is, or is inside, the original's photo "
                    + "folder LEGACY_IMAGES_DIR (" + legacy + "), which adoption only reads", "Set IMAGES_DIR to another "
                    + "directory, so the original's folder stays as it was. Nothing was changed.");
        }
    }

    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    /** A journal still there: a takeover died or failed; its files go, then it starts afresh. */
    private void removeWhatAFailedTakeoverLeft(AdoptionJournal journal) {
        if (!journal.exists()) {
            return;
        }
        List<String> copied = journal.names();
        if (!removeCopiedPhotos(copied)) {
            throw new IllegalStateException("Could not remove the photo files an earlier adoption copied (listed in "
                    + "table " + AdoptionJournal.TABLE + "); see the log");
        }
        journal.drop();
        log.info("An earlier adoption did not finish; removed the {} photo files it had copied, starting again",
                copied.size());
    }

    /** Whether every one is gone (a file already gone counts); each failure is logged. */
    private boolean removeCopiedPhotos(List<String> names) {
        ImageStore photos = store.getObject();
        boolean all = true;
        for (String name : names) {
            try {
                photos.delete(name);
            } catch (IOException e) {
                log.error("Could not remove photo file {} copied by an adoption that did not finish", name, e);
                all = false;
            }
        }
        return all;
    }

    private AdoptionRun.Destination destination() {
        String by = properties.hasOwner() ? properties.owner() : ORIGINAL_AUTHOR;
        if (households.shared()) {
            return new AdoptionRun.Destination() {
                @Override
                public AdoptedRows.Target target(AdoptedRows rows) {
                    return new AdoptedRows.Target(rows.sharedHousehold(households.sharedName()), by);
                }

                @Override
                public String describe() {
                    return "the shared household '" + households.sharedName() + "'";
                }
            };
        }
        return new AdoptionRun.Destination() {
            @Override
            public AdoptedRows.Target target(AdoptedRows rows) {
                return new AdoptedRows.Target(rows.personalHousehold(properties.owner()), by);
            }

            @Override
            public String describe() {
                return properties.hasOwner() ? "the personal household of " + properties.owner()
                        : "(no household: set LEGACY_OWNER or SHARED_HOUSEHOLD=true)";
            }
        };
    }

    /** The takeover's steps for this database. */
    private final class AdoptionSteps implements Steps {

        private final AdoptionRun run;
        private final AdoptionJournal journal;
        private final AdoptionLock lock;
        private AdoptionSummary summary;

        AdoptionSteps(AdoptionRun run, AdoptionJournal journal, AdoptionLock lock) {
            this.run = run;
            this.journal = journal;
            this.lock = lock;
        }

        @Override
        public void beforeMigrations(Connection transaction) {
            OriginalDatabase.setAsideInPlace(jdbc(transaction));
        }

        @Override
        public void afterMigrations(Connection transaction) {
            summary = run.perform(jdbc(transaction), destination());
        }

        @Override
        public void committed() {
            lock.close();
            log.info(summary.line("Adopted"));
        }

        /** The files go, then the journal, unless a file could not be removed: the next start tries again. */
        @Override
        public void failed() {
            List<String> copied = run.written();
            boolean removed = removeCopiedPhotos(copied);
            try {
                if (removed) {
                    journal.drop();
                }
            } catch (RuntimeException e) {
                log.error("Could not drop table {} after the failed adoption; the next start will: {}",
                        AdoptionJournal.TABLE, e.toString());
            }
            lock.close();
            log.error("Adopting the original cat-data database failed: the database is as it was, and the {} photo "
                    + "files copied so far were {}; the next start tries again from the beginning", copied.size(),
                    removed ? "removed" : "not all removed (the next start removes them)");
        }

        private static JdbcClient jdbc(Connection transaction) {
            return JdbcClient.create(new SingleConnectionDataSource(transaction, true));
        }
    }
}
