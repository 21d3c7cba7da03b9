package catdata.error;

import org.springframework.http.HttpStatus;

/** A request the caller can fix by sending other values; the message says which and how. */
public final class InvalidInput extends ApiException {

    public InvalidInput(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
