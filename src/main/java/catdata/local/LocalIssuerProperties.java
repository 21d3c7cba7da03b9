package catdata.local;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where local mode's stand-in issuer listens (on 127.0.0.1) and the audience it defaults to. */
@ConfigurationProperties("catdata.local")
record LocalIssuerProperties(
        @DefaultValue("3001") int issuerPort,
        @DefaultValue("https://cat-data.local/api") String defaultAudience) {
}
