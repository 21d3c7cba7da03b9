package catdata.storage;

import java.io.IOException;
import java.util.Locale;

import catdata.error.ApiException;

/** What a failed write or read of the photo directory means for the client. */
final class StorageFailure {

    /** How the JDK words ENOSPC on Linux and macOS, and ERROR_DISK_FULL on Windows. */
    private static final String[] DISK_FULL = {"no space left on device", "not enough space on the disk"};

    private StorageFailure() {
    }

    static ApiException of(IOException failure) {
        return isDiskFull(failure) ? new StorageFull() : new StorageUnavailable();
    }

    /** Java reports ENOSPC only in the message, of the exception or of one of its causes. */
    static boolean isDiskFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                for (String words : DISK_FULL) {
                    if (lower.contains(words)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
