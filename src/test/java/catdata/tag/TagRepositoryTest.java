package catdata.tag;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;
import catdata.paging.Paged;
import catdata.paging.Paging;

/** Every query of {@link TagRepository} on the real database, and that none reaches another owner's rows. */
class TagRepositoryTest {

    private static final long UNKNOWN_ID = Long.MAX_VALUE;

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();
    private final TagRepository tags = new TagRepository(jdbc);
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    // --- one tag ---

    @Test
    void aNewTagIsFoundAsItWasInserted() {
        Tag winter = tags.insert(owner, "Winter");

        assertThat(winter.id()).isPositive();
        assertThat(winter.name()).isEqualTo("Winter");
        assertThat(winter.updatedAt()).isEqualTo(winter.createdAt());
        assertThat(tags.find(owner, winter.id())).contains(winter);
    }

    @Test
    void anotherOwnersTagIsNotFound() {
        Tag winter = tags.insert(owner, "Winter");

        assertThat(tags.find(stranger, winter.id())).isEmpty();
        assertThat(tags.find(owner, UNKNOWN_ID)).isEmpty();
    }

    @Test
    void aNameTheOwnerHasIsADuplicateWhateverItsCase() {
        tags.insert(owner, "Winter");

        assertThatThrownBy(() -> tags.insert(owner, "WINTER")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> tags.insert(owner, "winter")).isInstanceOf(DuplicateKeyException.class);
        assertThat(names(tags.findAll(owner, Paging.ALL))).containsExactly("Winter");
    }

    @Test
    void anotherOwnerMayUseTheSameName() {
        tags.insert(owner, "Winter");

        Tag theirs = tags.insert(stranger, "winter");

        assertThat(tags.find(stranger, theirs.id())).contains(theirs);
    }

    // --- rename ---

    @Test
    void aRenameChangesTheNameAndUpdatedAtOnly() {
        long id = tags.insert(owner, "winter").id();
        CatalogueRows.backdate("tags", id);
        Tag before = tags.find(owner, id).orElseThrow();

        Tag renamed = tags.rename(owner, id, "Winter clothes").orElseThrow();

        assertThat(renamed.name()).isEqualTo("Winter clothes");
        assertThat(renamed.createdAt()).isEqualTo(before.createdAt());
        assertThat(renamed.updatedAt()).isAfter(before.updatedAt());
        assertThat(tags.find(owner, id)).contains(renamed);
    }

    @Test
    void renamingToAnotherOfTheOwnersNamesIsADuplicateButToItsOwnInAnotherCaseIsNot() {
        tags.insert(owner, "Summer");
        long winter = tags.insert(owner, "Winter").id();

        assertThatThrownBy(() -> tags.rename(owner, winter, "summer")).isInstanceOf(DuplicateKeyException.class);
        assertThat(tags.rename(owner, winter, "WINTER").orElseThrow().name()).isEqualTo("WINTER");
        assertThat(tags.rename(stranger, tags.insert(stranger, "Blue").id(), "SUMMER")).get()
                .extracting(Tag::name).isEqualTo("SUMMER");
    }

    @Test
    void anotherOwnersTagCannotBeRenamed() {
        Tag winter = tags.insert(owner, "Winter");

        assertThat(tags.rename(stranger, winter.id(), "Stolen")).isEmpty();
        assertThat(tags.rename(owner, UNKNOWN_ID, "Stolen")).isEmpty();
        assertThat(tags.find(owner, winter.id())).contains(winter);
    }

    // --- delete ---

    @Test
    void deletingATagTakesItOffItsItemsAndKeepsTheItems() {
        long box = CatalogueRows.container(owner, "Box");
        long fragile = tags.insert(owner, "fragile").id();
        long blue = tags.insert(owner, "blue").id();
        long vase = CatalogueRows.item(owner, "Vase", box, fragile, blue);
        long glass = CatalogueRows.item(owner, "Glass", box, fragile);

        assertThat(tags.delete(owner, fragile)).isTrue();

        assertThat(tags.find(owner, fragile)).isEmpty();
        assertThat(tags.delete(owner, fragile)).isFalse();
        assertThat(links(vase)).containsExactly(blue);
        assertThat(links(glass)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM items WHERE id IN (:vase, :glass)")
                .param("vase", vase).param("glass", glass).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anotherOwnersTagCannotBeDeleted() {
        Tag winter = tags.insert(owner, "Winter");
        long coat = CatalogueRows.item(owner, "Coat", CatalogueRows.container(owner, "Wardrobe"), winter.id());

        assertThat(tags.delete(stranger, winter.id())).isFalse();
        assertThat(tags.delete(owner, UNKNOWN_ID)).isFalse();
        assertThat(tags.find(owner, winter.id())).contains(winter);
        assertThat(links(coat)).containsExactly(winter.id());
    }

    // --- lists ---

    @Test
    void theListHoldsOnlyTheOwnersTagsByNameIgnoringCaseWithoutATotal() {
        for (String name : List.of("beta", "ALPHA2", "gamma", "Alpha", "tools", "Kitchen", "BOOKS", "kids")) {
            tags.insert(owner, name);
        }
        tags.insert(stranger, "Aardvark");

        Paged<Tag> list = tags.findAll(owner, Paging.ALL);

        assertThat(names(list)).containsExactly("Alpha", "ALPHA2", "beta", "BOOKS", "gamma", "kids", "Kitchen", "tools");
        assertThat(list.totalCount()).isEmpty();
    }

    @Test
    void aListIsCutIntoPagesWithTheTotal() {
        for (String name : List.of("e", "D", "c", "B", "a")) {
            tags.insert(owner, name);
        }
        tags.insert(stranger, "A0");

        assertPage(tags.findAll(owner, new Paging(2, null)), 5, "a", "B");
        assertPage(tags.findAll(owner, new Paging(2, 2)), 5, "c", "D");
        assertPage(tags.findAll(owner, new Paging(2, 4)), 5, "e");
        assertPage(tags.findAll(owner, new Paging(null, 3)), 5, "D", "e");
        assertPage(tags.findAll(owner, new Paging(2, 5)), 5);
        assertThat(tags.findAll(owner, new Paging(10, 0))).isEqualTo(tags.findAll(owner, new Paging(null, 0)));
        assertThat(tags.findAllWithCounts(owner, new Paging(2, 4)).rows())
                .extracting(row -> row.tag().name()).containsExactly("e");
        assertThat(tags.findAllWithCounts(owner, new Paging(2, 5))).isEqualTo(new Paged<>(List.of(), OptionalLong.of(5)));
    }

    @Test
    void anOwnerWithoutTagsHasEmptyListsWithATotalOfZeroWhenPaged() {
        tags.insert(stranger, "Blue");

        assertThat(tags.findAll(owner, Paging.ALL)).isEqualTo(new Paged<>(List.of(), OptionalLong.empty()));
        assertThat(tags.findAll(owner, new Paging(10, 0))).isEqualTo(new Paged<>(List.of(), OptionalLong.of(0)));
        assertThat(tags.findAllWithCounts(owner, Paging.ALL).rows()).isEmpty();
        assertThat(tags.findAllWithCounts(owner, new Paging(null, 0)))
                .isEqualTo(new Paged<>(List.of(), OptionalLong.of(0)));
    }

    @Test
    void withCountsGivesEveryTagItsNumberOfItemsZeroForUnusedOnes() {
        long box = CatalogueRows.container(owner, "Box");
        Tag fragile = tags.insert(owner, "fragile");
        Tag blue = tags.insert(owner, "Blue");
        Tag unused = tags.insert(owner, "unused");
        CatalogueRows.item(owner, "Vase", box, fragile.id(), blue.id());
        CatalogueRows.item(owner, "Glass", box, fragile.id());
        CatalogueRows.item(owner, "Rope", box);

        Paged<TagWithCount> list = tags.findAllWithCounts(owner, Paging.ALL);

        assertThat(list.rows()).containsExactly(new TagWithCount(blue, 1), new TagWithCount(fragile, 2),
                new TagWithCount(unused, 0));
        assertThat(list.totalCount()).isEmpty();
        assertThat(tags.findAllWithCounts(owner, new Paging(2, 1)))
                .isEqualTo(new Paged<>(List.of(new TagWithCount(fragile, 2), new TagWithCount(unused, 0)),
                        OptionalLong.of(3)));
    }

    @Test
    void anotherOwnersItemsNeverCountEvenUnderTagsOfTheSameName() {
        Tag mine = tags.insert(owner, "Fragile");
        CatalogueRows.item(owner, "Teapot", CatalogueRows.container(owner, "Attic box"), mine.id());
        Tag theirs = tags.insert(stranger, "Fragile");
        long theirBox = CatalogueRows.container(stranger, "Attic box");
        CatalogueRows.item(stranger, "Teapot", theirBox, theirs.id());
        CatalogueRows.item(stranger, "Cup", theirBox, theirs.id());

        assertThat(tags.findAllWithCounts(owner, new Paging(10, 0)))
                .isEqualTo(new Paged<>(List.of(new TagWithCount(mine, 1)), OptionalLong.of(1)));
        assertThat(tags.findAllWithCounts(stranger, Paging.ALL).rows()).containsExactly(new TagWithCount(theirs, 2));
    }

    private List<Long> links(long itemId) {
        return jdbc.sql("SELECT tag_id FROM items_to_tags WHERE item_id = :item ORDER BY tag_id")
                .param("item", itemId).query(Long.class).list();
    }

    private static List<String> names(Paged<Tag> page) {
        return page.rows().stream().map(Tag::name).toList();
    }

    private static void assertPage(Paged<Tag> page, long total, String... names) {
        assertThat(names(page)).containsExactly(names);
        assertThat(page.totalCount()).hasValue(total);
    }
}
