package catdata.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import catdata.owner.Owner;

/**
 * The shared test PostgreSQL for tests that call repositories directly: migrated once per JVM by
 * the service's own Flyway migrations (as {@code spring.flyway.locations} names them), without an
 * application context, so a repository test class costs milliseconds rather than a start-up. The
 * database is the one the API tests use; each test makes its own owners, so they never meet.
 */
public final class RepositoryDatabase {

    private static DataSource dataSource;
    private static JdbcClient jdbc;

    private RepositoryDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("repository-tests");
            config.setJdbcUrl(TestDatabase.jdbcUrl());
            // One connection for the statement under test, one for a streamed list's open cursor.
            config.setMaximumPoolSize(2);
            HikariDataSource pool = new HikariDataSource(config);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            // Not closed: its connections end with the test PostgreSQL when the JVM does.
            dataSource = pool;
            jdbc = JdbcClient.create(pool);
        }
        return dataSource;
    }

    public static synchronized JdbcClient jdbc() {
        dataSource();
        return jdbc;
    }

    public static TransactionTemplate transaction() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
    }

    /** A user no other test has, so a test sees only the rows it made. */
    public static Owner newOwner() {
        String sub = "repository-test-" + UUID.randomUUID();
        return new Owner(TestHouseholds.personal(jdbc(), sub), sub);
    }
}
