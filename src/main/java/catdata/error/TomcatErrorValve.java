package catdata.error;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Gives the requests Tomcat refuses itself, before any filter or controller sees them (an encoded
 * slash or NUL in the path, a path that is not UTF-8, a request line or header that is too long
 * or malformed), the same JSON error as every other refusal, in place of Tomcat's HTML page.
 */
final class TomcatErrorValve extends ErrorReportValve {

    static final String MALFORMED = "Malformed HTTP request.";

    private final Supplier<ErrorWriter> errors;

    TomcatErrorValve(Supplier<ErrorWriter> errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own report: only an error nobody has answered yet, on a connection still open.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            byte[] body = errors.get().body(HttpStatusCode.valueOf(status), messageFor(status), response::setHeader);
            if (response.getReporter() != null) { // Nothing has been written yet.
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already on its way: nothing more can be said.
        }
    }

    /**
     * Tomcat's own messages can echo the request or carry internals, so the status speaks: what
     * Tomcat refuses with 400 is always a request that is not well-formed HTTP.
     */
    private static String messageFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == HttpStatus.BAD_REQUEST) {
            return MALFORMED;
        }
        if (known == null || known == HttpStatus.INTERNAL_SERVER_ERROR) {
            return "Internal server error.";
        }
        return known.getReasonPhrase() + ".";
    }
}
