package catdata.storage;

import catdata.error.ServiceUnavailable;

/** The photo directory cannot be written or read (missing, read-only, not a directory, I/O error). */
final class StorageUnavailable extends ServiceUnavailable {
    StorageUnavailable() {
        super("Photo storage is unavailable.");
    }
}
