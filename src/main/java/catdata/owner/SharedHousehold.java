package catdata.owner;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.config.InvalidConfigurationException;

/**
 * In shared mode, makes sure at start-up that the shared household exists under its configured
 * name and that the subs listed as its owners are owners. A database whose personal households
 * hold data is not switched: that data would vanish from its owners' sight.
 */
@Component
class SharedHousehold implements ApplicationRunner {

    private final HouseholdProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SharedHousehold(HouseholdProperties properties, JdbcClient jdbc, TransactionTemplate transaction) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.shared()) {
            return;
        }
        long holding = jdbc.sql("""
                SELECT count(*) FROM households h
                WHERE NOT h.shared AND (EXISTS (SELECT FROM containers t WHERE t.household_id = h.id)
                    OR EXISTS (SELECT FROM tags t WHERE t.household_id = h.id)
                    OR EXISTS (SELECT FROM items t WHERE t.household_id = h.id)
                    OR EXISTS (SELECT FROM images t WHERE t.household_id = h.id))
                """).query(Long.class).single();
        if (holding > 0) {
            throw new InvalidConfigurationException("SHARED_HOUSEHOLD=true, but " + holding
                    + " personal household(s) in this database hold data that shared mode would hide",
                    "Start without SHARED_HOUSEHOLD for this database, or use shared mode with a new database.");
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO households (name, shared) SELECT :name, true
                    WHERE NOT EXISTS (SELECT FROM households WHERE shared)
                    """).param("name", properties.sharedName()).update();
            jdbc.sql("UPDATE households SET name = :name WHERE shared").param("name", properties.sharedName()).update();
            jdbc.sql("""
                    UPDATE memberships SET role = 'owner'
                    WHERE sub IN (:owners) AND household_id = (SELECT id FROM households WHERE shared)
                    """).param("owners", properties.sharedOwners().isEmpty() ? List.of("")
                            : properties.sharedOwners()).update();
        });
    }
}
