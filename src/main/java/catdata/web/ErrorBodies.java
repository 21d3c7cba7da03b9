package catdata.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every error body: an RFC 9457 problem detail that also carries the message in
 * {@code error}, the member the front end and the original's clients read.
 */
public final class ErrorBodies {

    public static final MediaType CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    private ErrorBodies() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("error", message);
        return problem;
    }
}
