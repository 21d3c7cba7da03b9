package catdata.support;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.owner.Owner;

/**
 * Rows written straight into the shared test database, for repository tests that need rows of
 * another feature's tables (a container test needs items in it); a feature's own rows are made by
 * its repository, as the code under test.
 */
public final class CatalogueRows {

    private CatalogueRows() {
    }

    public static long container(Owner owner, String name) {
        return jdbc().sql("""
                INSERT INTO containers (household_id, created_by, updated_by, name)
                VALUES (:household, :sub, :sub, :name) RETURNING id""")
                .param("household", owner.household()).param("sub", owner.sub()).param("name", name)
                .query(Long.class).single();
    }

    public static long tag(Owner owner, String name) {
        return jdbc().sql("""
                INSERT INTO tags (household_id, created_by, updated_by, name)
                VALUES (:household, :sub, :sub, :name) RETURNING id""")
                .param("household", owner.household()).param("sub", owner.sub()).param("name", name)
                .query(Long.class).single();
    }

    /** A 4x4 PNG's row under a name of its own (photo names are unique across owners). */
    public static long photo(Owner owner) {
        return jdbc().sql("""
                INSERT INTO images (household_id, created_by, updated_by, name, content_type, size_bytes, width, height,
                    sha256)
                VALUES (:household, :sub, :sub, :name, 'image/png', 100, 4, 4, repeat('0', 64))
                RETURNING id""")
                .param("household", owner.household()).param("sub", owner.sub())
                .param("name", UUID.randomUUID() + ".png")
                .query(Long.class).single();
    }

    public static long item(Owner owner, String name, long containerId, long... tagIds) {
        long id = jdbc().sql("""
                INSERT INTO items (household_id, created_by, updated_by, name, container_id)
                VALUES (:household, :sub, :sub, :name, :container) RETURNING id""")
                .param("household", owner.household()).param("sub", owner.sub())
                .param("name", name).param("container", containerId)
                .query(Long.class).single();
        for (long tagId : tagIds) {
            jdbc().sql("INSERT INTO items_to_tags (item_id, tag_id) VALUES (:item, :tag)")
                    .param("item", id).param("tag", tagId).update();
        }
        return id;
    }

    /** Moves a row's {@code created_at} and {@code updated_at} an hour back, so a change shows in them. */
    public static void backdate(String table, long id) {
        int updated = jdbc().sql("UPDATE " + table + " SET created_at = now() - interval '1 hour', "
                + "updated_at = now() - interval '1 hour' WHERE id = :id")
                .param("id", id).update();
        if (updated != 1) {
            throw new IllegalArgumentException("No row " + id + " in " + table);
        }
    }

    private static JdbcClient jdbc() {
        return RepositoryDatabase.jdbc();
    }
}
