package catdata.item;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import catdata.owner.Owner;

/**
 * Checks that the container, photo and tags an item refers to are the caller's. The checks made
 * while writing an item also lock those rows ({@code FOR KEY SHARE}) until the transaction ends,
 * so a concurrent delete waits for the item instead of turning it into a foreign-key error.
 */
@Repository
class ItemReferences {

    private final JdbcClient jdbc;

    ItemReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean holdContainer(Owner owner, long id) {
        return jdbc.sql("SELECT id FROM containers WHERE household_id = :household AND id = :id FOR KEY SHARE")
                .param("household", owner.household()).param("id", id)
                .query(Long.class).optional().isPresent();
    }

    boolean holdImage(Owner owner, long id) {
        return jdbc.sql("SELECT id FROM images WHERE household_id = :household AND id = :id FOR KEY SHARE")
                .param("household", owner.household()).param("id", id)
                .query(Long.class).optional().isPresent();
    }

    /** Returns those of {@code ids} that are the owner's tags. */
    Set<Long> holdTags(Owner owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(
                "SELECT id FROM tags WHERE household_id = :household AND id IN (:ids) FOR KEY SHARE")
                .param("household", owner.household()).param("ids", ids)
                .query(Long.class).list());
    }
}
