package catdata.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, refusing a foreign origin with our JSON error rather than the plain-text
 * "Invalid CORS request".
 */
public final class JsonCorsProcessor extends DefaultCorsProcessor {

    static final String MESSAGE = "Cross-origin request refused.";

    private final JsonErrorWriter errors;

    public JsonCorsProcessor(JsonErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(ErrorBodies.CONTENT_TYPE);
        response.getBody().write(errors.json(HttpStatus.FORBIDDEN, MESSAGE).getBytes(StandardCharsets.UTF_8));
        response.flush();
    }
}
