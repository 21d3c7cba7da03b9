package catdata.local;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where local mode's stand-in issuer listens (on 127.0.0.1), the audience it issues for unless
 * {@code AUTH0_AUDIENCE} names one, and where its key is kept ({@code DATA_DIR}).
 */
@ConfigurationProperties("catdata.local")
record LocalIssuerProperties(
        @DefaultValue("3001") int issuerPort,
        @DefaultValue("https://cat-data.local/api") String defaultAudience,
        @DefaultValue("./data") Path dataDir) {
}
