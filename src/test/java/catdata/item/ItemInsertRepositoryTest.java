package catdata.item;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;

/**
 * {@link ItemInsert} and {@link ItemReferences} on the real database: an item is written only when
 * every container, photo and tag it refers to is the owner's, and the checks lock what they find.
 */
class ItemInsertRepositoryTest {

    private static final long UNKNOWN_ID = Long.MAX_VALUE;

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();
    private final ItemInsert insert = new ItemInsert(jdbc);
    private final ItemReferences references = new ItemReferences(jdbc);
    private final ItemRepository items = new ItemRepository(jdbc);
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    // --- insert ---

    @Test
    void anItemIsWrittenWithItsTagLinksAndAnsweredAsItIsRead() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long photo = CatalogueRows.photo(owner);
        long blue = CatalogueRows.tag(owner, "Blue");
        long old = CatalogueRows.tag(owner, "Old");

        ItemInsert.Outcome outcome = insert.insert(owner, "Cup", "Chipped", kitchen, photo, Set.of(old, blue));

        Item cup = outcome.item().orElseThrow();
        assertThat(cup).extracting(Item::name, Item::description, Item::containerId, Item::containerName,
                Item::imageId, Item::tagIds)
                .containsExactly("Cup", "Chipped", kitchen, "Kitchen", photo, List.of(blue, old));
        assertThat(cup.updatedAt()).isEqualTo(cup.createdAt());
        assertThat(items.find(owner, cup.id())).contains(cup);
        assertThat(outcome).extracting(ItemInsert.Outcome::containerFound, ItemInsert.Outcome::imageFound,
                ItemInsert.Outcome::tagsFound).containsExactly(true, true, Set.of(blue, old));
    }

    @Test
    void anItemNeedsNoPhotoNorTags() {
        long box = CatalogueRows.container(owner, "Box");

        Item cup = insert.insert(owner, "Cup", "", box, null, Set.of()).item().orElseThrow();

        assertThat(cup.imageId()).isNull();
        assertThat(cup.tagIds()).isEmpty();
        assertThat(items.find(owner, cup.id())).contains(cup);
    }

    @Test
    void itemNamesNeedNotBeUnique() {
        long box = CatalogueRows.container(owner, "Box");

        List<Long> ids = List.of("Sock", "Sock", "SOCK").stream()
                .map(name -> insert.insert(owner, name, "", box, null, Set.of()).item().orElseThrow().id()).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(itemRows(owner)).isEqualTo(3);
    }

    @Test
    void aContainerThatIsNotTheOwnersWritesNothing() {
        long theirBox = CatalogueRows.container(stranger, "Box");
        long tag = CatalogueRows.tag(owner, "Blue");

        for (long container : List.of(theirBox, UNKNOWN_ID)) {
            ItemInsert.Outcome outcome = insert.insert(owner, "Cup", "", container, null, Set.of(tag));

            assertThat(outcome.item()).isEmpty();
            assertThat(outcome.containerFound()).isFalse();
            assertThat(outcome.tagsFound()).containsExactly(tag);
        }
        assertThat(itemRows(owner)).isZero();
        assertThat(itemRows(stranger)).isZero();
    }

    @Test
    void aPhotoThatIsNotTheOwnersWritesNothing() {
        long box = CatalogueRows.container(owner, "Box");
        long theirPhoto = CatalogueRows.photo(stranger);

        for (long photo : List.of(theirPhoto, UNKNOWN_ID)) {
            ItemInsert.Outcome outcome = insert.insert(owner, "Cup", "", box, photo, Set.of());

            assertThat(outcome.item()).isEmpty();
            assertThat(outcome.containerFound()).isTrue();
            assertThat(outcome.imageFound()).isFalse();
        }
        assertThat(itemRows(owner)).isZero();
    }

    @Test
    void aTagThatIsNotTheOwnersWritesNeitherTheItemNorAnyLink() {
        long box = CatalogueRows.container(owner, "Box");
        long blue = CatalogueRows.tag(owner, "Blue");
        long theirTag = CatalogueRows.tag(stranger, "Red");

        for (long tag : List.of(theirTag, UNKNOWN_ID)) {
            ItemInsert.Outcome outcome = insert.insert(owner, "Cup", "", box, null, Set.of(blue, tag));

            assertThat(outcome.item()).isEmpty();
            assertThat(outcome.tagsFound()).containsExactly(blue);
        }
        assertThat(itemRows(owner)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM items_to_tags WHERE tag_id IN (:tags)")
                .param("tags", List.of(blue, theirTag)).query(Long.class).single()).isZero();
    }

    // --- references ---

    @Test
    void onlyTheOwnersContainerPhotoAndTagsAreHeld() {
        long box = CatalogueRows.container(owner, "Box");
        long photo = CatalogueRows.photo(owner);
        long blue = CatalogueRows.tag(owner, "Blue");
        long old = CatalogueRows.tag(owner, "Old");
        long theirBox = CatalogueRows.container(stranger, "Box");
        long theirPhoto = CatalogueRows.photo(stranger);
        long theirTag = CatalogueRows.tag(stranger, "Blue");

        assertThat(references.holdContainer(owner, box)).isTrue();
        assertThat(references.holdContainer(owner, theirBox)).isFalse();
        assertThat(references.holdContainer(owner, UNKNOWN_ID)).isFalse();
        assertThat(references.holdImage(owner, photo)).isTrue();
        assertThat(references.holdImage(owner, theirPhoto)).isFalse();
        assertThat(references.holdImage(owner, UNKNOWN_ID)).isFalse();
        assertThat(references.holdTags(owner, List.of(blue, theirTag, old, UNKNOWN_ID)))
                .containsExactlyInAnyOrder(blue, old);
        assertThat(references.holdTags(owner, List.of(theirTag))).isEmpty();
        assertThat(references.holdTags(owner, List.of())).isEmpty();
    }

    /** The lock is what keeps a concurrent delete from turning an item's save into a foreign-key error. */
    @Test
    void aHeldContainerCannotBeDeletedUntilTheTransactionEnds() throws SQLException {
        long box = CatalogueRows.container(owner, "Box");

        RepositoryDatabase.transaction().executeWithoutResult(status -> {
            assertThat(references.holdContainer(owner, box)).isTrue();
            assertThatThrownBy(() -> deleteFromAnotherConnection(box))
                    .isInstanceOf(SQLException.class).hasMessageContaining("lock timeout");
        });
        assertThat(deleteFromAnotherConnection(box)).isOne();
    }

    private static int deleteFromAnotherConnection(long containerId) throws SQLException {
        try (Connection connection = RepositoryDatabase.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '20ms'");
            try {
                return statement.executeUpdate("DELETE FROM containers WHERE id = " + containerId);
            } finally {
                statement.execute("RESET lock_timeout");
            }
        }
    }

    private long itemRows(Owner itemOwner) {
        return jdbc.sql("SELECT count(*) FROM items WHERE household_id = :household")
                .param("household", itemOwner.household())
                .query(Long.class).single();
    }
}
