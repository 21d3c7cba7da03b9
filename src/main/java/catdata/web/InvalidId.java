package catdata.web;

import org.springframework.http.HttpStatus;

/** A path id that is not a positive integer. */
public final class InvalidId extends ApiException {

    public InvalidId() {
        super(HttpStatus.BAD_REQUEST, "Invalid id.");
    }
}
