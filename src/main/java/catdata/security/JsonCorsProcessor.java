package catdata.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import catdata.error.ErrorWriter;

/**
 * Spring's CORS checks, refusing a foreign origin with our JSON error rather than the plain-text
 * "Invalid CORS request".
 */
public final class JsonCorsProcessor extends DefaultCorsProcessor {

    static final String MESSAGE = "Cross-origin request refused.";

    private final ErrorWriter errors;

    public JsonCorsProcessor(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        errors.write(response, HttpStatus.FORBIDDEN, MESSAGE);
    }
}
