package catdata.adoption;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The names of the photo files a takeover has written so far, each committed (on a connection of
 * its own) before its file is written. The takeover's transaction drops the journal as it commits;
 * a journal still there at the next start is what a takeover that died (or failed) left: its files
 * are removed and it starts again from the beginning.
 */
final class AdoptionJournal {

    static final String TABLE = "cat_data_adoption_journal";

    private final JdbcClient jdbc;

    AdoptionJournal(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    boolean exists() {
        return jdbc.sql("SELECT to_regclass(:table) IS NOT NULL").param("table", TABLE).query(Boolean.class).single();
    }

    void create() {
        jdbc.sql("CREATE TABLE " + TABLE + " (name text PRIMARY KEY)").update();
    }

    /** Committed before the file is written: a file may be listed and never written, never the other way. */
    void record(String name) {
        jdbc.sql("INSERT INTO " + TABLE + " (name) VALUES (:name)").param("name", name).update();
    }

    List<String> names() {
        return jdbc.sql("SELECT name FROM " + TABLE + " ORDER BY name").query(String.class).list();
    }

    void drop() {
        jdbc.sql("DROP TABLE IF EXISTS " + TABLE).update();
    }

    /** In the takeover's transaction: gone exactly when the takeover commits. */
    static void dropWith(JdbcClient takeover) {
        takeover.sql("DROP TABLE " + TABLE).update();
    }
}
