package catdata.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Where the data lives: the configured PostgreSQL, or the embedded one. Boot builds the pool from
 * the connection details (so {@code spring.datasource.hikari.*} applies); since the details
 * depend on the embedded server, the pool closes before the server stops.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @Conditional(NoDatabaseConfigured.class)
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return new EmbeddedDatabase(properties.dataDir());
    }

    @Bean
    ConnectionSettings connectionSettings(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        EmbeddedDatabase embeddedDatabase = embedded.getIfAvailable();
        return embeddedDatabase != null ? embeddedDatabase.connection() : ConnectionSettings.from(properties);
    }

    @Bean
    DatabaseDescription databaseDescription(ConnectionSettings connection, ObjectProvider<EmbeddedDatabase> embedded) {
        EmbeddedDatabase embeddedDatabase = embedded.getIfAvailable();
        return new DatabaseDescription(embeddedDatabase != null ? embeddedDatabase.describe() : connection.describe());
    }

    @Bean
    FlywayMigrationStrategy migrations(ObjectProvider<Takeover> takeovers) {
        return new Migrations(takeovers.orderedStream().toList());
    }

    static final class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("catdata.database.url"))
                    && !StringUtils.hasText(context.getEnvironment().getProperty("catdata.database.host"));
        }
    }
}
