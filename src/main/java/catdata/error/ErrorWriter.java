package catdata.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the service answers, from a filter, the security chain, a controller or Tomcat
 * itself, is written here, so its shape and headers cannot drift: an RFC 9457 problem detail that
 * also carries the message in {@code error} (the member the front end and the original's clients
 * read), as {@code application/problem+json}, never cached, and with {@code Retry-After} when the
 * service is unavailable. ({@code WWW-Authenticate} is set by the bearer entry point, which alone
 * knows what the token lacked, before it calls here.)
 */
@Component
public class ErrorWriter {

    public static final MediaType CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    /** As Spring Security writes it on the responses that pass its header writer. */
    static final String NO_CACHING = "no-cache, no-store, max-age=0, must-revalidate";

    private final JsonMapper json;

    ErrorWriter(JsonMapper json) {
        this.json = json;
    }

    /** For a controller or exception handler. */
    public ResponseEntity<Object> entity(HttpStatusCode status, String message) {
        return entity(status, message, HttpHeaders.EMPTY);
    }

    /** As above, keeping headers Spring worked out for the failure ({@code Allow} on a 405, say). */
    public ResponseEntity<Object> entity(HttpStatusCode status, String message, HttpHeaders given) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(given);
        headersFor(status, headers::set);
        return ResponseEntity.status(status).headers(headers).body(body(status, message));
    }

    /** For a filter, before any controller: the response is written and complete. */
    public void write(HttpServletResponse response, HttpStatusCode status, String message) throws IOException {
        response.setStatus(status.value());
        headersFor(status, response::setHeader);
        // Bytes, in UTF-8 as JSON always is: no charset parameter, as on the controllers' errors.
        json.writeValue(response.getOutputStream(), body(status, message));
    }

    /** For Spring's CORS processor, which answers through the server-agnostic response. */
    public void write(ServerHttpResponse response, HttpStatus status, String message) throws IOException {
        response.setStatusCode(status);
        headersFor(status, response.getHeaders()::set);
        response.getBody().write(json(status, message).getBytes(StandardCharsets.UTF_8));
        response.flush();
    }

    /**
     * For a writer that has set the status itself and writes the bytes on its own (Tomcat's error
     * report): the headers go through {@code header}, and the body is returned.
     */
    public byte[] body(HttpStatusCode status, String message, BiConsumer<String, String> header) {
        headersFor(status, header);
        return json(status, message).getBytes(StandardCharsets.UTF_8);
    }

    private static void headersFor(HttpStatusCode status, BiConsumer<String, String> header) {
        header.accept(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE.toString());
        header.accept(HttpHeaders.CACHE_CONTROL, NO_CACHING);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            header.accept(HttpHeaders.RETRY_AFTER, String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
        }
    }

    private String json(HttpStatusCode status, String message) {
        return json.writeValueAsString(body(status, message));
    }

    private static Map<String, Object> body(HttpStatusCode status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status.value());
        body.put("title", known != null ? known.getReasonPhrase() : null);
        body.put("status", status.value());
        body.put("detail", message);
        body.put("error", message);
        return body;
    }
}
