package catdata.image;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** A byte range that starts beyond the end of the file. */
final class RangeNotSatisfiable extends ApiException {

    private final long size;

    RangeNotSatisfiable(long size) {
        super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable: the file has " + size + " bytes.");
        this.size = size;
    }

    /** For {@code Content-Range: bytes *}{@code /size}, which a 416 carries. */
    long size() {
        return size;
    }
}
