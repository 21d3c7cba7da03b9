package catdata.storage;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** The photo directory's disk is full: not the request's fault, and retrying soon will not help. */
final class StorageFull extends ApiException {
    StorageFull() {
        super(HttpStatus.INSUFFICIENT_STORAGE, "Photo storage is full.");
    }
}
