package catdata.adoption;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The original cat-data's tables, as its knex migrations made them: {@code images}, {@code tags},
 * {@code containers}, {@code items}, {@code items_to_tags}, with knex's {@code knex_migrations} and
 * {@code knex_migrations_lock}. Read where they are: in the current schema before the takeover, in
 * {@link #SET_ASIDE} during it.
 */
final class OriginalDatabase {

    /** Where the takeover moves the original's tables while this service's are made beside them. */
    static final String SET_ASIDE = "cat_data_original";
    static final List<String> TABLES = List.of("items_to_tags", "items", "images", "tags", "containers",
            "knex_migrations", "knex_migrations_lock");

    record Row(long id, String name) {
    }

    record Photo(long id, String name, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final String schema;

    private OriginalDatabase(JdbcClient jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** The original's tables where they are before the takeover: in the current schema. */
    static OriginalDatabase inPlace(JdbcClient jdbc) {
        return new OriginalDatabase(jdbc, jdbc.sql("SELECT quote_ident(current_schema())").query(String.class).single());
    }

    /** The original's tables once the takeover has set them aside. */
    static OriginalDatabase setAside(JdbcClient jdbc) {
        return new OriginalDatabase(jdbc, SET_ASIDE);
    }

    /**
     * The original's tables, and none of this service's: knex's own record of migrations is the
     * original's mark, and {@code households} would say the takeover already happened.
     */
    static boolean isOriginal(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT to_regclass('knex_migrations') IS NOT NULL
                   AND to_regclass('items') IS NOT NULL AND to_regclass('items_to_tags') IS NOT NULL
                   AND to_regclass('containers') IS NOT NULL AND to_regclass('tags') IS NOT NULL
                   AND to_regclass('images') IS NOT NULL
                   AND to_regclass('households') IS NULL
                """).query(Boolean.class).single();
    }

    /** Moves every table of the original's into {@link #SET_ASIDE}, with its indexes, constraints and sequences. */
    static void setAsideInPlace(JdbcClient jdbc) {
        jdbc.sql("CREATE SCHEMA " + SET_ASIDE).update();
        for (String table : TABLES) {
            jdbc.sql("ALTER TABLE IF EXISTS " + table + " SET SCHEMA " + SET_ASIDE).update();
        }
    }

    /**
     * Drops the set-aside tables and their schema, refusing (and so failing the takeover) if
     * anything else depends on them: a view someone made is theirs to keep, not ours to drop.
     */
    void drop() {
        for (String table : TABLES) {
            jdbc.sql("DROP TABLE IF EXISTS " + table(table) + " RESTRICT").update();
        }
        jdbc.sql("DROP SCHEMA " + schema + " RESTRICT").update();
    }

    List<Row> containers() {
        return jdbc.sql("SELECT id, name FROM " + table("containers") + " ORDER BY id")
                .query((row, n) -> new Row(row.getLong("id"), row.getString("name"))).list();
    }

    List<Row> tags() {
        return jdbc.sql("SELECT id, name FROM " + table("tags") + " ORDER BY id")
                .query((row, n) -> new Row(row.getLong("id"), row.getString("name"))).list();
    }

    /** Every photo row, one at a time: a catalogue may hold tens of thousands. */
    void eachPhoto(Consumer<Photo> action) {
        try (Stream<Photo> photos = jdbc.sql("SELECT id, name, created_at, updated_at FROM " + table("images")
                        + " ORDER BY id")
                .withFetchSize(500)
                .query((row, n) -> new Photo(row.getLong("id"), row.getString("name"),
                        instant(row.getTimestamp("created_at")), instant(row.getTimestamp("updated_at"))))
                .stream()) {
            photos.forEach(action);
        }
    }

    int items() {
        return count("items");
    }

    int links() {
        return count("items_to_tags");
    }

    /** Links between the same item and tag, counted once: the original's table let one be made twice. */
    int distinctLinks() {
        return jdbc.sql("SELECT count(*) FROM (SELECT DISTINCT item_id, tag_id FROM " + table("items_to_tags") + ") l")
                .query(Integer.class).single();
    }

    String table(String name) {
        return schema + "." + name;
    }

    private int count(String name) {
        return jdbc.sql("SELECT count(*) FROM " + table(name)).query(Integer.class).single();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
