package catdata.error;

import org.springframework.http.HttpStatus;

/**
 * A part we depend on (the database, the photo store, the issuer's keys) is not answering. The
 * request was fine and nothing was written: the client may send it again after
 * {@link #RETRY_AFTER_SECONDS}, which every 503 carries as {@code Retry-After}.
 */
public class ServiceUnavailable extends ApiException {

    public static final String MESSAGE = "Service temporarily unavailable.";
    public static final int RETRY_AFTER_SECONDS = 5;

    public ServiceUnavailable() {
        this(MESSAGE);
    }

    public ServiceUnavailable(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message);
    }
}
