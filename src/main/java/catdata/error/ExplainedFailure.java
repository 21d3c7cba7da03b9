package catdata.error;

import org.springframework.http.HttpStatus;

/**
 * A failure met while a request's body was read (by a filter's check or the JSON parser's limits)
 * that already knows its answer. It reaches the exception handler wrapped in Spring's "not
 * readable", and the handler answers with this status and reason rather than "Malformed JSON".
 */
public interface ExplainedFailure {

    HttpStatus status();

    /** What the client is told. */
    String reason();
}
