package catdata.item;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;

/**
 * {@link ItemRepository}'s reads and writes of one item, its tag links, moving and streaming, on
 * the real database, and that none reaches another owner's rows. Lists and searches are in
 * {@link ItemSearchRepositoryTest}.
 */
class ItemRepositoryTest {

    private static final long UNKNOWN_ID = Long.MAX_VALUE;

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();
    private final ItemRepository items = new ItemRepository(jdbc);
    private final ItemInsert insert = new ItemInsert(jdbc);
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    // --- find ---

    @Test
    void anItemIsFoundWithItsContainersNameItsPhotoAndItsTagsInIdOrder() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long photo = CatalogueRows.photo(owner);
        long blue = CatalogueRows.tag(owner, "Blue");
        long old = CatalogueRows.tag(owner, "Old");
        Item cup = insert.insert(owner, "Cup", "Chipped", kitchen, photo, Set.of(old, blue)).item().orElseThrow();

        Item found = items.find(owner, cup.id()).orElseThrow();

        assertThat(found).isEqualTo(cup);
        assertThat(found).extracting(Item::name, Item::description, Item::containerId, Item::containerName,
                Item::imageId, Item::tagIds)
                .containsExactly("Cup", "Chipped", kitchen, "Kitchen", photo, List.of(blue, old));
    }

    @Test
    void anotherOwnersItemIsNotFound() {
        Item cup = item(owner, "Cup", CatalogueRows.container(owner, "Box"));

        assertThat(items.find(stranger, cup.id())).isEmpty();
        assertThat(items.find(owner, UNKNOWN_ID)).isEmpty();
    }

    // --- update ---

    @Test
    void aNullFieldKeepsTheStoredValue() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long attic = CatalogueRows.container(owner, "Attic");
        long photo = CatalogueRows.photo(owner);
        long tag = CatalogueRows.tag(owner, "Blue");
        Item before = insert.insert(owner, "Cup", "Chipped", kitchen, photo, Set.of(tag)).item().orElseThrow();

        assertThat(items.update(owner, before.id(), "Mug", null, null, false, null)).isTrue();
        assertThat(items.update(owner, before.id(), null, "Glued", null, false, null)).isTrue();
        assertThat(items.update(owner, before.id(), null, null, attic, false, null)).isTrue();

        assertThat(items.find(owner, before.id()).orElseThrow()).usingRecursiveComparison()
                .ignoringFields("updatedAt")
                .isEqualTo(new Item(before.id(), "Mug", "Glued", attic, "Attic", photo, List.of(tag),
                        before.createdAt(), null, owner.sub(), owner.sub()));
    }

    @Test
    void aPhotoIsReplacedOrClearedOnlyWhenAskedTo() {
        long box = CatalogueRows.container(owner, "Box");
        long first = CatalogueRows.photo(owner);
        long second = CatalogueRows.photo(owner);
        Item cup = insert.insert(owner, "Cup", "", box, first, Set.of()).item().orElseThrow();

        items.update(owner, cup.id(), "Mug", null, null, false, second);
        assertThat(items.find(owner, cup.id()).orElseThrow().imageId()).isEqualTo(first);
        items.update(owner, cup.id(), null, null, null, true, second);
        assertThat(items.find(owner, cup.id()).orElseThrow().imageId()).isEqualTo(second);
        items.update(owner, cup.id(), null, null, null, true, null);
        assertThat(items.find(owner, cup.id()).orElseThrow().imageId()).isNull();
    }

    @Test
    void anUpdateMovesUpdatedAtAndKeepsCreatedAt() {
        Item cup = item(owner, "Cup", CatalogueRows.container(owner, "Box"));
        CatalogueRows.backdate("items", cup.id());
        Item before = items.find(owner, cup.id()).orElseThrow();

        assertThat(items.update(owner, cup.id(), null, null, null, false, null)).isTrue();

        Item after = items.find(owner, cup.id()).orElseThrow();
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
        assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    }

    @Test
    void anotherOwnersItemCannotBeUpdated() {
        Item cup = item(owner, "Cup", CatalogueRows.container(owner, "Box"));
        long theirBox = CatalogueRows.container(stranger, "Crate");

        assertThat(items.update(stranger, cup.id(), "Stolen", "Mine", theirBox, true, null)).isFalse();
        assertThat(items.update(owner, UNKNOWN_ID, "Cup", null, null, false, null)).isFalse();
        assertThat(items.find(owner, cup.id())).contains(cup);
    }

    /** The service checks these ids first; the statement refuses them too, so a forgotten check cannot link them. */
    @Test
    void anItemCannotBeMovedIntoAnotherOwnersContainerNorShowTheirPhoto() {
        Item cup = item(owner, "Cup", CatalogueRows.container(owner, "Box"));
        long theirBox = CatalogueRows.container(stranger, "Crate");
        long theirPhoto = CatalogueRows.photo(stranger);

        assertThat(items.update(owner, cup.id(), "Mug", null, theirBox, false, null)).isFalse();
        assertThat(items.update(owner, cup.id(), "Mug", null, null, true, theirPhoto)).isFalse();
        assertThat(items.update(owner, cup.id(), "Mug", null, UNKNOWN_ID, false, null)).isFalse();

        assertThat(items.find(owner, cup.id())).contains(cup);
    }

    // --- tag links ---

    @Test
    void tagsAreLinkedOnlyWhenTheyAreTheOwnersAndRemovedTogether() {
        long box = CatalogueRows.container(owner, "Box");
        long blue = CatalogueRows.tag(owner, "Blue");
        long old = CatalogueRows.tag(owner, "Old");
        long theirs = CatalogueRows.tag(stranger, "Red");
        Item cup = item(owner, "Cup", box);

        items.addTags(owner, cup.id(), List.of(old, theirs, blue, UNKNOWN_ID));
        assertThat(tagsOf(cup)).containsExactly(blue, old);
        items.addTags(owner, cup.id(), List.of());
        assertThat(tagsOf(cup)).containsExactly(blue, old);

        items.removeAllTags(owner, cup.id());
        assertThat(tagsOf(cup)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM tags WHERE id IN (:tags)").param("tags", List.of(blue, old))
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anotherOwnersItemsTagsCanNeitherBeAddedNorRemoved() {
        long blue = CatalogueRows.tag(owner, "Blue");
        long old = CatalogueRows.tag(owner, "Old");
        Item cup = item(owner, "Cup", CatalogueRows.container(owner, "Box"), blue);
        long theirs = CatalogueRows.tag(stranger, "Red");

        items.addTags(stranger, cup.id(), List.of(old, theirs));
        items.removeAllTags(stranger, cup.id());

        assertThat(tagsOf(cup)).containsExactly(blue);
    }

    // --- delete ---

    @Test
    void aDeletedItemIsGoneWithItsTagLinksButItsTagsAndContainerStay() {
        long box = CatalogueRows.container(owner, "Box");
        long blue = CatalogueRows.tag(owner, "Blue");
        long old = CatalogueRows.tag(owner, "Old");
        Item cup = item(owner, "Cup", box, blue, old);
        Item mug = item(owner, "Mug", box, blue);

        assertThat(items.delete(owner, cup.id())).isTrue();

        assertThat(items.find(owner, cup.id())).isEmpty();
        assertThat(items.delete(owner, cup.id())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM items_to_tags WHERE item_id = :id").param("id", cup.id())
                .query(Long.class).single()).isZero();
        assertThat(items.find(owner, mug.id())).contains(mug);
        assertThat(jdbc.sql("SELECT count(*) FROM tags WHERE id IN (:blue, :old)").param("blue", blue)
                .param("old", old).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM containers WHERE id = :id").param("id", box)
                .query(Long.class).single()).isOne();
    }

    @Test
    void anotherOwnersItemCannotBeDeleted() {
        Item cup = item(owner, "Cup", CatalogueRows.container(owner, "Box"), CatalogueRows.tag(owner, "Blue"));

        assertThat(items.delete(stranger, cup.id())).isFalse();
        assertThat(items.delete(owner, UNKNOWN_ID)).isFalse();
        assertThat(items.find(owner, cup.id())).contains(cup);
    }

    // --- move ---

    @Test
    void moveAllMovesEveryItemOfOneContainerAndNoOther() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long attic = CatalogueRows.container(owner, "Attic");
        long garage = CatalogueRows.container(owner, "Garage");
        List<Item> moved = List.of(item(owner, "Cup", kitchen), item(owner, "Mug", kitchen), item(owner, "Jug", kitchen));
        Item alreadyThere = item(owner, "Letters", attic);
        Item elsewhere = item(owner, "Ladder", garage);

        assertThat(items.moveAll(owner, kitchen, attic)).isEqualTo(3);

        for (Item item : moved) {
            assertThat(items.find(owner, item.id()).orElseThrow())
                    .extracting(Item::containerId, Item::containerName).containsExactly(attic, "Attic");
        }
        assertThat(items.find(owner, alreadyThere.id())).contains(alreadyThere);
        assertThat(items.find(owner, elsewhere.id())).contains(elsewhere);
        assertThat(items.moveAll(owner, kitchen, attic)).isZero();
    }

    @Test
    void anotherOwnersItemsAreNotMoved() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        Item cup = item(owner, "Cup", kitchen);
        long theirBox = CatalogueRows.container(stranger, "Crate");

        assertThat(items.moveAll(stranger, kitchen, theirBox)).isZero();

        assertThat(items.find(owner, cup.id())).contains(cup);
    }

    @Test
    void nothingIsMovedIntoAnotherOwnersContainer() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        Item cup = item(owner, "Cup", kitchen);
        long theirBox = CatalogueRows.container(stranger, "Crate");

        assertThat(items.moveAll(owner, kitchen, theirBox)).isZero();
        assertThat(items.moveAll(owner, kitchen, UNKNOWN_ID)).isZero();

        assertThat(items.find(owner, cup.id())).contains(cup);
    }

    // --- every item, streamed ---

    @Test
    void aStreamedListHandsOverEveryItemOfTheOwnerInIdOrderPastOneFetch() {
        long box = CatalogueRows.container(owner, "Box");
        long blue = CatalogueRows.tag(owner, "Blue");
        Item first = item(owner, "First", box, blue);
        insertItems(box, ItemRepository.STREAM_FETCH_SIZE + 10);
        item(stranger, "Not mine", CatalogueRows.container(stranger, "Crate"));

        List<Item> seen = streamed(ItemFilter.all()).orElseThrow();

        assertThat(seen).hasSize(ItemRepository.STREAM_FETCH_SIZE + 11);
        assertThat(seen.get(0)).isEqualTo(first);
        assertThat(seen).extracting(Item::id).isSorted().doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(item -> assertThat(item.containerName()).isEqualTo("Box"));
    }

    /** A list with a scope reads it in the same statement: its first row says whether there is a list at all. */
    @Test
    void aStreamedListInAContainerGoesPastOneFetchAndSkipsOtherContainers() {
        long box = CatalogueRows.container(owner, "Box");
        long shelf = CatalogueRows.container(owner, "Shelf");
        Item onShelf = item(owner, "On the shelf", shelf);
        insertItems(box, ItemRepository.STREAM_FETCH_SIZE + 10);

        List<Item> seen = streamed(ItemFilter.inContainer(box)).orElseThrow();

        assertThat(seen).hasSize(ItemRepository.STREAM_FETCH_SIZE + 10);
        assertThat(seen).extracting(Item::id).isSorted().doesNotHaveDuplicates().doesNotContain(onShelf.id());
        assertThat(streamed(ItemFilter.inContainer(shelf))).contains(List.of(onShelf));
    }

    @Test
    void aStreamedListHandsOverNothingOfAnotherOwner() {
        long theirBox = CatalogueRows.container(stranger, "Crate");
        long theirTag = CatalogueRows.tag(stranger, "Blue");
        item(stranger, "Not mine", theirBox, theirTag);

        assertThat(streamed(ItemFilter.all())).contains(List.of());
        assertThat(streamed(ItemFilter.textMatches("mine", null))).contains(List.of());
        assertThat(streamed(ItemFilter.inContainer(theirBox))).isEmpty();
        assertThat(streamed(ItemFilter.withTag(theirTag))).isEmpty();
        assertThat(streamed(ItemFilter.textMatches("mine", theirBox))).isEmpty();
    }

    private void insertItems(long containerId, int count) {
        jdbc.sql("""
                INSERT INTO items (household_id, created_by, updated_by, name, container_id)
                SELECT :household, :sub, :sub, 'Item ' || n, :box FROM generate_series(1, :count) n""")
                .param("household", owner.household()).param("sub", owner.sub())
                .param("box", containerId).param("count", count)
                .update();
    }

    /** The list read as the service reads it, in a read-only transaction; empty when there is no list. */
    private Optional<List<Item>> streamed(ItemFilter filter) {
        return readOnly().execute(status -> items.stream(owner, filter).map(rows -> {
            try (rows) {
                return rows.toList();
            }
        }));
    }

    private Item item(Owner itemOwner, String name, long containerId, Long... tagIds) {
        return insert.insert(itemOwner, name, "", containerId, null, Set.of(tagIds)).item().orElseThrow();
    }

    private List<Long> tagsOf(Item item) {
        return items.find(owner, item.id()).orElseThrow().tagIds();
    }

    private static TransactionTemplate readOnly() {
        TransactionTemplate transaction = RepositoryDatabase.transaction();
        transaction.setReadOnly(true);
        return transaction;
    }
}
