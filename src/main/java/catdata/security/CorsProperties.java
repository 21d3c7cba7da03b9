package catdata.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Browser origins allowed to call the API ({@code CORS_ORIGINS}, comma-separated). */
@ConfigurationProperties("catdata.cors")
public record CorsProperties(@DefaultValue("http://localhost:5173") List<String> origins) {

    public List<String> trimmedOrigins() {
        return origins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
