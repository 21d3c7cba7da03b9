package catdata.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import catdata.config.InvalidConfigurationException;

/** Browser origins allowed to call the API ({@code CORS_ORIGINS}, comma-separated). */
@ConfigurationProperties("catdata.cors")
public record CorsProperties(@DefaultValue("http://localhost:5173") List<String> origins) {

    public CorsProperties {
        if (origins != null && origins.stream().anyMatch(origin -> origin.trim().equals("*"))) {
            // Browsers refuse a wildcard together with credentials; Spring would fail every request.
            throw new InvalidConfigurationException("CORS_ORIGINS must list the allowed origins; '*' cannot be used "
                    + "because credentials are allowed");
        }
    }

    public List<String> trimmedOrigins() {
        return origins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
