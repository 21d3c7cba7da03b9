package catdata.household;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** Too many failed accepts by one user: codes are not to be guessed. */
final class TooManyAttempts extends ApiException {

    private final long retryAfterSeconds;

    TooManyAttempts(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many invitation codes tried; try again later.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return headers;
    }
}
