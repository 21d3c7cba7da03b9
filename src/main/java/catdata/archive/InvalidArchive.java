package catdata.archive;

import org.springframework.http.HttpStatus;

/** Not an archive this service reads, or one whose content breaks a rule of the format or the API. */
final class InvalidArchive extends ArchiveRefusal {

    InvalidArchive(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
