package catdata.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.OptionalLong;

import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;

import catdata.error.ApiException;
import catdata.owner.Owner;
import catdata.photo.JudgedPhoto;
import catdata.photo.PhotoIntake;

/**
 * The database end of an import: rows into one household, photos through {@link PhotoIntake} (judged
 * as an upload is, published inside the import's transaction, so a rollback takes their files too).
 * Runs inside that transaction.
 */
final class ImportRows implements ImportSink {

    private final Owner owner;
    private final ImportRepository rows;
    private final PhotoIntake intake;

    ImportRows(Owner owner, ImportRepository rows, PhotoIntake intake) {
        this.owner = owner;
        this.rows = rows;
        this.intake = intake;
    }

    @Override
    public long container(String name, String description, Stamps stamps) {
        try {
            return rows.insertContainer(owner, name, description, stamps);
        } catch (DuplicateKeyException e) {
            throw nameTaken("containers", name);
        }
    }

    @Override
    public long tag(String name, Stamps stamps) {
        try {
            return rows.insertTag(owner, name, stamps);
        } catch (DuplicateKeyException e) {
            throw nameTaken("tags", name);
        }
    }

    @Override
    public long photo(String entry, String originalName, Stamps stamps, InputStreamSource bytes) {
        try (JudgedPhoto photo = judge(entry, bytes)) {
            long id = rows.insertPhoto(owner, photo, originalName, stamps);
            intake.publish(photo);
            return id;
        }
    }

    @Override
    public void item(String name, String description, long containerId, OptionalLong photoId, Collection<Long> tagIds,
            Stamps stamps) {
        rows.insertItem(owner, name, description, containerId, photoId, tagIds, stamps);
    }

    /** An upload's refusal (415, 413) names the entry; the archive's own refusals and outages pass as they are. */
    private JudgedPhoto judge(String entry, InputStreamSource bytes) {
        try {
            return intake.judge(bytes);
        } catch (ArchiveRefusal refusal) {
            throw refusal;
        } catch (ApiException refused) {
            if (refused.status().is4xxClientError()) {
                throw new PhotoRefused(entry, refused);
            }
            throw refused;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names are unique per household ignoring case, as the API has them; the household was empty. */
    private static InvalidArchive nameTaken(String kind, String name) {
        return new InvalidArchive(ArchiveLayout.CATALOGUE + ": two " + kind + " are named '" + name
                + "' (names are unique in a household, ignoring case).");
    }
}
