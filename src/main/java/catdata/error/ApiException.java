package catdata.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or can act on. Features subclass it with a meaningful name
 * ({@code ImageNotFound}); the exception handler turns it into a JSON error with its status.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;

    protected ApiException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** Headers the answer needs beside the shared ones ({@code Retry-After} on a 429, say). */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
