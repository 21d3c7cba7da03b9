package catdata.archive;

import catdata.error.ApiException;

/**
 * A photo in the archive that an upload of the same bytes would have been refused for, with the
 * upload's status (415, 413) and its reason, prefixed with the entry's name.
 */
final class PhotoRefused extends ArchiveRefusal {

    PhotoRefused(String entry, ApiException refusal) {
        super(refusal.status(), entry + ": " + refusal.getMessage());
    }
}
