package catdata.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error body outside Spring MVC (the security filters answer before any controller),
 * in the same shape as {@link ApiExceptionHandler}'s.
 */
@Component
public class JsonErrorWriter {

    private final JsonMapper json;

    JsonErrorWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatusCode status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(ErrorBodies.CONTENT_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(status, message));
    }

    /** The body alone, for a writer that has no servlet response to write to. */
    String json(HttpStatusCode status, String message) {
        return json.writeValueAsString(body(status, message));
    }

    private static Map<String, Object> body(HttpStatusCode status, String message) {
        ProblemDetail problem = ErrorBodies.problem(status, message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("error", message);
        return body;
    }
}
