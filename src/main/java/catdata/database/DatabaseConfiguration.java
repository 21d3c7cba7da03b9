package catdata.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool, to the configured PostgreSQL or to the embedded one. The pool depends on
 * the embedded server, so on shutdown the pool closes first and the server stops after it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @Conditional(NoDatabaseConfigured.class)
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return new EmbeddedDatabase(properties.dataDir());
    }

    @Bean
    DataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        EmbeddedDatabase embeddedDatabase = embedded.getIfAvailable();
        ConnectionSettings connection = embeddedDatabase != null
                ? embeddedDatabase.connection()
                : ConnectionSettings.from(properties);
        HikariConfig config = new HikariConfig();
        config.setPoolName("catdata");
        config.setJdbcUrl(connection.jdbcUrl());
        config.setUsername(connection.user());
        config.setPassword(connection.password());
        config.setMaximumPoolSize(10);
        // A request waiting for a connection gives up quickly rather than hanging.
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    @Bean
    DatabaseDescription databaseDescription(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        EmbeddedDatabase embeddedDatabase = embedded.getIfAvailable();
        return new DatabaseDescription(embeddedDatabase != null
                ? embeddedDatabase.describe()
                : ConnectionSettings.from(properties).describe());
    }

    static final class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("catdata.database.url"))
                    && !StringUtils.hasText(context.getEnvironment().getProperty("catdata.database.host"));
        }
    }
}
