package catdata.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import catdata.support.TestDatabase;

/**
 * The upgrade to households on a database the previous version filled: everyone's rows move into
 * their own personal household, where they are the owner, so that everyone sees what they saw.
 */
class HouseholdsMigrationTest {

    @Test
    void everyUsersRowsMoveIntoTheirOwnPersonalHousehold() {
        String url = TestDatabase.newDatabase("upgrade");
        Flyway flyway = Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("3")).load();
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        fillAsThePreviousVersionDid(jdbc);

        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();

        List<Map<String, Object>> users = jdbc.sql("""
                SELECT u.sub, h.name, m.role
                FROM users u JOIN households h ON h.id = u.default_household_id
                JOIN memberships m ON m.sub = u.sub AND m.household_id = h.id
                ORDER BY u.sub""").query().listOfRows();
        assertThat(users).containsExactly(
                Map.of("sub", "alice", "name", "Personal", "role", "owner"),
                Map.of("sub", "bob", "name", "Personal", "role", "owner"));
        assertThat(jdbc.sql("SELECT count(*) FROM memberships").query(Long.class).single()).isEqualTo(2);
        for (String table : List.of("containers", "tags", "images", "items")) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM %s t JOIN users u ON u.default_household_id = t.household_id
                    WHERE t.created_by = u.sub AND t.updated_by = u.sub""".formatted(table))
                    .query(Long.class).single()).as(table)
                    .isEqualTo(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single())
                    .isPositive();
        }
        assertThat(jdbc.sql("""
                SELECT c.name FROM containers c JOIN users u ON u.default_household_id = c.household_id
                WHERE u.sub = 'bob'""").query(String.class).list()).containsExactly("Attic");
        // Names stay unique per household, ignoring case, as they were per user.
        long alices = jdbc.sql("SELECT default_household_id FROM users WHERE sub = 'alice'")
                .query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO containers (household_id, created_by, updated_by, name) VALUES (:h, 'alice', 'alice', 'ATTIC')
                """).param("h", alices).update()).isInstanceOf(DuplicateKeyException.class);
    }

    private static void fillAsThePreviousVersionDid(JdbcClient jdbc) {
        for (String sub : List.of("alice", "bob")) {
            long box = jdbc.sql("INSERT INTO containers (owner_sub, name) VALUES (:sub, 'Attic') RETURNING id")
                    .param("sub", sub).query(Long.class).single();
            long tag = jdbc.sql("INSERT INTO tags (owner_sub, name) VALUES (:sub, 'Winter') RETURNING id")
                    .param("sub", sub).query(Long.class).single();
            long photo = jdbc.sql("""
                    INSERT INTO images (owner_sub, name, content_type, size_bytes, width, height, sha256)
                    VALUES (:sub, :name, 'image/png', 100, 4, 4, repeat('0', 64)) RETURNING id""")
                    .param("sub", sub).param("name", sub + ".png").query(Long.class).single();
            long item = jdbc.sql("""
                    INSERT INTO items (owner_sub, name, container_id, image_id) VALUES (:sub, 'Skis', :box, :photo)
                    RETURNING id""").param("sub", sub).param("box", box).param("photo", photo)
                    .query(Long.class).single();
            jdbc.sql("INSERT INTO items_to_tags (item_id, tag_id) VALUES (:item, :tag)")
                    .param("item", item).param("tag", tag).update();
        }
    }
}
