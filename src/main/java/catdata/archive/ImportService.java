package catdata.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.owner.HouseholdNotFound;
import catdata.owner.Owner;
import catdata.photo.PhotoIntake;
import catdata.photo.PhotoWriters;

/**
 * Imports an archive into an empty household, all or nothing: every row in one transaction, every
 * photo published inside it (a rollback removes their files), every refusal before or inside it.
 */
@Service
class ImportService {

    /** The upload, received (to a file on disk) only once the household is known to be empty. */
    @FunctionalInterface
    interface Upload {
        SpooledArchive receive() throws IOException;
    }

    private final ImportRepository rows;
    private final PhotoIntake intake;
    private final TransactionTemplate transaction;
    private final PhotoWriters writers;
    private final ImportProperties limits;

    ImportService(ImportRepository rows, PhotoIntake intake, TransactionTemplate transaction, ImportProperties limits,
            PhotoWriters writers) {
        this.rows = rows;
        this.intake = intake;
        this.transaction = transaction;
        this.limits = limits;
        this.writers = writers;
    }

    ImportCounts importArchive(Owner owner, Upload upload) throws IOException {
        // Asked before the upload is read, so a refusal does not wait for gigabytes; asked again below.
        if (rows.holdsRows(owner)) {
            throw new ImportNeedsEmptyHousehold();
        }
        try (SpooledArchive spooled = upload.receive()) {
            return importFile(owner, spooled.path());
        }
    }

    private ImportCounts importFile(Owner owner, Path file) throws IOException {
        try (ArchiveFile archive = ArchiveFile.open(file, limits)) {
            Instant now = Instant.now();
            return transaction.execute(status -> {
                if (!rows.lockHousehold(owner)) {
                    throw new HouseholdNotFound();
                }
                if (rows.holdsRows(owner)) {
                    throw new ImportNeedsEmptyHousehold();
                }
                // However long the archive takes, the orphan sweep leaves its photos alone.
                writers.joinTransaction();
                ImportSink sink = new ImportRows(owner, rows, intake);
                return new CatalogueReader(archive, sink, limits.maxRows(), owner.sub(), now).read();
            });
        }
    }
}
