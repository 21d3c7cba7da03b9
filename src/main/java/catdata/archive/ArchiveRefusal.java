package catdata.archive;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/**
 * An archive refused for what it is or holds; the message names the entry or row and what is wrong
 * with it. Every way the import turns an archive down is one of these, so a caller (or the fuzz test)
 * can tell a refusal from a failure.
 */
abstract class ArchiveRefusal extends ApiException {

    ArchiveRefusal(HttpStatus status, String message) {
        super(status, message);
    }
}
