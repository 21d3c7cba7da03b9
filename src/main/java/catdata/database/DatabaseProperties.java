package catdata.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An external PostgreSQL ({@code DATABASE_URL}, or the original's {@code PG*} variables), or,
 * with neither, the embedded one keeping its files under {@code DATA_DIR}.
 */
@ConfigurationProperties("catdata.database")
record DatabaseProperties(
        String url,
        String host,
        @DefaultValue("5432") int port,
        String user,
        String password,
        String name,
        @DefaultValue("./data") Path dataDir) {
}
