package catdata.archive;

import org.springframework.http.HttpStatus;

/** An archive (or one of its entries) past a limit: too many bytes, entries or rows, or compressed too far. */
final class ArchiveTooLarge extends ArchiveRefusal {

    ArchiveTooLarge(String message) {
        super(HttpStatus.CONTENT_TOO_LARGE, message);
    }
}
