package catdata.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import catdata.config.InvalidConfigurationException;

class ConnectionSettingsTest {

    @Test
    void aNodeStyleDatabaseUrlBecomesJdbcWithItsCredentials() {
        ConnectionSettings settings = ConnectionSettings.fromUrl(
                "postgres://cat:s%40cret@db.example:6543/catalogue?sslmode=require", null, null);

        assertThat(settings).isEqualTo(new ConnectionSettings(
                "jdbc:postgresql://db.example:6543/catalogue?sslmode=require", "cat", "s@cret"));
    }

    @Test
    void theDefaultPortIsPostgres() {
        assertThat(ConnectionSettings.fromUrl("postgresql://cat@db.example/catalogue", null, "pw"))
                .isEqualTo(new ConnectionSettings("jdbc:postgresql://db.example:5432/catalogue", "cat", "pw"));
    }

    @Test
    void aJdbcUrlIsUsedAsGiven() {
        assertThat(ConnectionSettings.fromUrl("jdbc:postgresql://db/x", "u", "p"))
                .isEqualTo(new ConnectionSettings("jdbc:postgresql://db/x", "u", "p"));
    }

    @Test
    void theOriginalsPgVariablesAreUnderstood() {
        DatabaseProperties properties = new DatabaseProperties(null, "db.example", 5433, "cat", "pw", "catalogue",
                Path.of("data"));

        assertThat(ConnectionSettings.from(properties))
                .isEqualTo(new ConnectionSettings("jdbc:postgresql://db.example:5433/catalogue", "cat", "pw"));
    }

    @Test
    void somethingElseIsAConfigurationError() {
        assertThatThrownBy(() -> ConnectionSettings.fromUrl("mysql://db/x", null, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("DATABASE_URL must look like");
    }

    @Test
    void theDescriptionNeverShowsThePassword() {
        ConnectionSettings settings = ConnectionSettings.fromUrl("postgres://cat:secret@db.example/catalogue?password=x",
                null, null);

        assertThat(settings.describe()).isEqualTo("postgresql://db.example:5432/catalogue").doesNotContain("secret");
    }
}
