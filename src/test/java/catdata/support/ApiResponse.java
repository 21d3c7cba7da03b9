package catdata.support;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the service answered: status, headers and the body, readable as JSON. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** The {@code error} member every error body carries. */
    public String error() {
        return json().path("error").asString();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        // Cut by characters: a body of more than 500 bytes may be fewer characters (UTF-8).
        String text = text();
        return status + " " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
    }
}
