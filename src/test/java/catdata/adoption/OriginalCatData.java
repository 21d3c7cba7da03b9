package catdata.adoption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import catdata.support.TableChecksums;
import catdata.support.TestApp;
import catdata.support.TestDatabase;

/**
 * A database and a photo folder as the original cat-data leaves them: its schema from its knex
 * migrations, and rows and files as its API writes them (a photo is saved as
 * {@code <uuid>-<the uploader's name>} with its bytes unchecked; an item is linked to tags by rows
 * that may repeat). On the shared test PostgreSQL, in a database of its own.
 */
final class OriginalCatData {

    /** The id of the {@code Default} container the original's migration makes. */
    static final long DEFAULT_CONTAINER = 1;

    private final String jdbcUrl;
    private final JdbcClient jdbc;
    private final Path photoFolder;

    private OriginalCatData(String jdbcUrl, Path photoFolder) {
        this.jdbcUrl = jdbcUrl;
        this.jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl));
        this.photoFolder = photoFolder;
    }

    static OriginalCatData create() {
        OriginalCatData original = new OriginalCatData(TestDatabase.newDatabase("original"),
                TestApp.newDirectory("catdata-original-images"));
        original.jdbc.sql(resource("/original/knex-migrations.sql")).update();
        return original;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    Path photoFolder() {
        return photoFolder;
    }

    long container(String name, String description) {
        return jdbc.sql("INSERT INTO containers (name, description) VALUES (:name, :description) RETURNING id")
                .param("name", name).param("description", description).query(Long.class).single();
    }

    long tag(String name) {
        return jdbc.sql("INSERT INTO tags (name) VALUES (:name) RETURNING id").param("name", name)
                .query(Long.class).single();
    }

    /** A photo as the original's upload saved it: the file under {@code <uuid>-<name>}, and its row. */
    long photo(String uploadedName, byte[] bytes) {
        String stored = UUID.randomUUID() + "-" + uploadedName;
        try {
            Files.write(photoFolder.resolve(stored), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return photoRow(stored);
    }

    /** A photo row alone: its file is missing, or written by the test under {@code stored}. */
    long photoRow(String stored) {
        return jdbc.sql("""
                INSERT INTO images (name, created_at, updated_at)
                VALUES (:name, now() - interval '400 days', now() - interval '300 days') RETURNING id
                """).param("name", stored).query(Long.class).single();
    }

    /** An item, linked to each tag given (a tag given twice is linked twice, as the original allowed). */
    long item(String name, String description, long container, Long photo, long... tags) {
        long item = jdbc.sql("""
                INSERT INTO items (name, description, container_id, image_id, created_at, updated_at)
                VALUES (:name, :description, :container, :photo, now() - interval '200 days', now() - interval '100 days')
                RETURNING id
                """).param("name", name).param("description", description).param("container", container)
                .param("photo", photo).query(Long.class).single();
        for (long tag : tags) {
            jdbc.sql("INSERT INTO items_to_tags (item_id, tag_id) VALUES (:item, :tag)").param("item", item)
                    .param("tag", tag).update();
        }
        return item;
    }

    /** Every row of every table, and which tables, indexes and constraints there are. */
    Map<String, String> state() {
        Map<String, String> state = new java.util.TreeMap<>(TableChecksums.of(jdbc));
        state.put("(objects)", String.join(",", jdbc.sql("""
                SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1
                """).query(String.class).list()));
        state.put("(constraints)", String.join(",", jdbc.sql("""
                SELECT conrelid::regclass || ':' || conname || ':' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace ORDER BY 1
                """).query(String.class).list()));
        return state;
    }

    /** Every file of the photo folder with a hash of its bytes: adoption only reads it. */
    List<String> photoFolderContents() {
        return contentsOf(photoFolder);
    }

    static List<String> contentsOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file) + " " + sha256(file)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (var in = OriginalCatData.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
