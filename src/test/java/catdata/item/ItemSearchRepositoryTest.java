package catdata.item;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;
import catdata.paging.Paged;
import catdata.paging.Paging;

/**
 * {@link ItemRepository}'s lists, searches and name suggestions on the real database: order, paging,
 * what matches, and that another owner's items never do.
 */
class ItemSearchRepositoryTest {

    private static final long UNKNOWN_ID = Long.MAX_VALUE;

    private final ItemRepository items = new ItemRepository(RepositoryDatabase.jdbc());
    private final ItemInsert insert = new ItemInsert(RepositoryDatabase.jdbc());
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    // --- all, by container, by tag ---

    @Test
    void allItemsAreListedInIdOrderWithATotalOnlyWhenPaged() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long attic = CatalogueRows.container(owner, "Attic");
        List<Long> ids = List.of(item("Zither", attic), item("apple", kitchen), item("Mug", attic),
                item("banana", kitchen), item("Cup", kitchen));
        item(stranger, "Not mine", "", CatalogueRows.container(stranger, "Box"));

        assertPage(ItemFilter.all(), Paging.ALL, ids, null);
        assertPage(ItemFilter.all(), new Paging(2, 1), ids.subList(1, 3), 5L);
        assertPage(ItemFilter.all(), new Paging(2, null), ids.subList(0, 2), 5L);
        assertPage(ItemFilter.all(), new Paging(null, 3), ids.subList(3, 5), 5L);
        assertPage(ItemFilter.all(), new Paging(2, 5), List.of(), 5L);
        assertThat(items.findPage(newOwner(), ItemFilter.all(), new Paging(10, 0)))
                .contains(new Paged<>(List.of(), OptionalLong.of(0)));
    }

    @Test
    void aContainersItemsAreListedInIdOrderAndCanBePaged() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long attic = CatalogueRows.container(owner, "Attic");
        long first = item("Teapot", kitchen);
        item("Ladder", attic);
        long second = item("Cup", kitchen);
        long third = item("Bowl", kitchen);

        assertPage(ItemFilter.inContainer(kitchen), Paging.ALL, List.of(first, second, third), null);
        assertPage(ItemFilter.inContainer(kitchen), new Paging(2, 1), List.of(second, third), 3L);
        assertPage(ItemFilter.inContainer(CatalogueRows.container(owner, "Empty")), new Paging(2, 0), List.of(), 0L);
    }

    @Test
    void aContainerThatIsNotTheOwnersHasNoList() {
        long theirBox = CatalogueRows.container(stranger, "Box");
        item(stranger, "Cup", "", theirBox);

        for (long id : List.of(theirBox, UNKNOWN_ID)) {
            assertThat(items.findPage(owner, ItemFilter.inContainer(id), Paging.ALL)).isEmpty();
            assertThat(items.findPage(owner, ItemFilter.inContainer(id), new Paging(10, 0))).isEmpty();
        }
    }

    @Test
    void aTagsItemsAreListedInIdOrderWithAllTheirTagsAndCanBePaged() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long attic = CatalogueRows.container(owner, "Attic");
        long blue = CatalogueRows.tag(owner, "Blue");
        long old = CatalogueRows.tag(owner, "Old");
        long first = item("Teapot", attic, blue, old);
        item("Ladder", attic, old);
        long second = item("Cup", kitchen, blue);
        long third = item("Bowl", kitchen, blue);

        assertPage(ItemFilter.withTag(blue), Paging.ALL, List.of(first, second, third), null);
        assertThat(items.findPage(owner, ItemFilter.withTag(blue), Paging.ALL).orElseThrow().rows().get(0).tagIds())
                .containsExactly(blue, old);
        assertPage(ItemFilter.withTag(blue), new Paging(1, 2), List.of(third), 3L);
        assertPage(ItemFilter.withTag(CatalogueRows.tag(owner, "Unused")), new Paging(1, 0), List.of(), 0L);
    }

    @Test
    void aTagThatIsNotTheOwnersHasNoList() {
        long theirTag = CatalogueRows.tag(stranger, "Blue");
        item(stranger, "Cup", "", CatalogueRows.container(stranger, "Box"), theirTag);

        for (long id : List.of(theirTag, UNKNOWN_ID)) {
            assertThat(items.findPage(owner, ItemFilter.withTag(id), Paging.ALL)).isEmpty();
            assertThat(items.findPage(owner, ItemFilter.withTag(id), new Paging(10, 0))).isEmpty();
        }
    }

    // --- search by name ---

    @Test
    void aNameSearchFindsNamesContainingTheTextIgnoringCaseThoseStartingWithItFirst() {
        long box = CatalogueRows.container(owner, "Box");
        long teacup = item("Teacup", box);
        long cupola = item("cupola", box);
        long cup = item("Cup", box);
        long buttercup = item("Buttercup", box);
        long cupboard = item("CUPBOARD", box);
        long lowerCup = item("cup", box);
        item("Mug", box);
        item(stranger, "Cup", "", CatalogueRows.container(stranger, "Box"));

        assertPage(ItemFilter.nameContains("cUp"), Paging.ALL, List.of(cup, lowerCup, cupboard, cupola, buttercup, teacup),
                null);
        assertPage(ItemFilter.nameContains("cup"), new Paging(2, 3), List.of(cupola, buttercup), 6L);
    }

    @Test
    void percentUnderscoreAndBackslashAreMatchedLiterally() {
        long box = CatalogueRows.container(owner, "Box");
        long percent = item("50% off", box);
        item("500 off", box);
        long underscore = item("a_b", box);
        item("axb", box);
        long backslash = item("back\\slash", box);
        item("backslash", box);

        assertPage(ItemFilter.nameContains("0%"), Paging.ALL, List.of(percent), null);
        assertPage(ItemFilter.nameContains("%%"), Paging.ALL, List.of(), null);
        assertPage(ItemFilter.nameContains("a_"), Paging.ALL, List.of(underscore), null);
        assertPage(ItemFilter.nameContains("k\\s"), Paging.ALL, List.of(backslash), null);
        assertPage(ItemFilter.textMatches("_", null), Paging.ALL, List.of(underscore), null);
        assertPage(ItemFilter.textMatches("\\", null), Paging.ALL, List.of(backslash), null);
        assertThat(items.nameSuggestions(owner, "%", 10)).containsExactly("50% off");
        assertThat(items.nameSuggestions(owner, "a_", 10)).containsExactly("a_b");
    }

    @Test
    void sqlInSearchTextIsJustText() {
        long box = CatalogueRows.container(owner, "Box");
        long mug = item("O'Brien's mug; -- old", box);
        String injection = "'; DROP TABLE items; --";

        assertPage(ItemFilter.nameContains("'s mug; --"), Paging.ALL, List.of(mug), null);
        assertPage(ItemFilter.textMatches("n's mug; -- o", null), Paging.ALL, List.of(mug), null);
        assertPage(ItemFilter.nameContains(injection), Paging.ALL, List.of(), null);
        assertPage(ItemFilter.textMatches(injection, box), Paging.ALL, List.of(), null);
        assertThat(items.nameSuggestions(owner, "' OR '1'='1", 10)).isEmpty();
        assertPage(ItemFilter.all(), Paging.ALL, List.of(mug), null);
    }

    // --- search text ---

    @Test
    void aTextSearchMatchesNamesDescriptionsAndTagNamesIgnoringCaseEachItemOnce() {
        BlueCatalogue blue = blueCatalogue();

        assertThat(ids(ItemFilter.textMatches("BLUE", null), Paging.ALL))
                .containsExactlyInAnyOrder(blue.byName, blue.byDescription, blue.byTag, blue.byAll);
        assertThat(items.findPage(owner, ItemFilter.textMatches("blue", null), new Paging(3, 0)).orElseThrow()
                .totalCount()).hasValue(4);
    }

    @Test
    void aTextSearchCanBeLimitedToOneContainer() {
        BlueCatalogue blue = blueCatalogue();

        assertThat(ids(ItemFilter.textMatches("blue", blue.kitchen), Paging.ALL))
                .containsExactlyInAnyOrder(blue.byName, blue.byDescription);
        assertThat(ids(ItemFilter.textMatches("blue", blue.attic), Paging.ALL))
                .containsExactlyInAnyOrder(blue.byTag, blue.byAll);
        assertPage(ItemFilter.textMatches("blue", CatalogueRows.container(owner, "Empty")), Paging.ALL, List.of(), null);
        assertPage(ItemFilter.textMatches("blue", blue.kitchen), new Paging(1, 5), List.of(), 2L);
    }

    @Test
    void aTextSearchInAContainerThatIsNotTheOwnersHasNoList() {
        long theirBox = CatalogueRows.container(stranger, "Box");
        item(stranger, "Blue cup", "", theirBox);

        for (long id : List.of(theirBox, UNKNOWN_ID)) {
            assertThat(items.findPage(owner, ItemFilter.textMatches("blue", id), Paging.ALL)).isEmpty();
        }
    }

    /** The same names on both sides: each owner's counts, searches and suggestions answer with their own items only. */
    @Test
    void anotherOwnersItemsNeverMatchEvenUnderTheSameNames() {
        long mine = item("Teapot", "Grandmother's china", CatalogueRows.container(owner, "Attic box"),
                CatalogueRows.tag(owner, "Fragile"));
        long theirBox = CatalogueRows.container(stranger, "Attic box");
        long theirTag = CatalogueRows.tag(stranger, "Fragile");
        long theirs = item(stranger, "Teapot", "Grandmother's china", theirBox, theirTag);
        long theirSecond = item(stranger, "Teapot", "Grandmother's too", theirBox, theirTag);

        for (String text : List.of("teapot", "fragile", "grandmother")) {
            assertPage(ItemFilter.textMatches(text, null), new Paging(10, 0), List.of(mine), 1L);
        }
        assertPage(ItemFilter.nameContains("teapot"), new Paging(10, 0), List.of(mine), 1L);
        assertPage(ItemFilter.all(), new Paging(1, 0), List.of(mine), 1L);
        assertThat(items.nameSuggestions(owner, "tea", 10)).containsExactly("Teapot");
        assertThat(items.findPage(stranger, ItemFilter.nameContains("teapot"), new Paging(1, 0)).orElseThrow())
                .isEqualTo(new Paged<>(List.of(items.find(stranger, theirs).orElseThrow()), OptionalLong.of(2)));
        assertThat(items.findPage(stranger, ItemFilter.textMatches("grandmother", null), Paging.ALL).orElseThrow()
                .rows()).extracting(Item::id).containsExactly(theirs, theirSecond);
        assertThat(items.nameSuggestions(newOwner(), "tea", 10)).isEmpty();
    }

    // --- whole lists, streamed ---

    /** A whole list is streamed through a cursor; it must be the list a page of everything gives, in the same order. */
    @Test
    void aStreamedListIsTheWholePageInTheSameOrder() {
        BlueCatalogue blue = blueCatalogue();
        long bluebell = items.find(owner, blue.byTag).orElseThrow().tagIds().get(0);
        item("Bluey", blue.kitchen);
        item("blue", blue.attic);
        item("A blue", blue.attic);

        for (ItemFilter filter : List.of(ItemFilter.all(), ItemFilter.inContainer(blue.attic),
                ItemFilter.withTag(bluebell), ItemFilter.nameContains("blue"), ItemFilter.textMatches("BLUE", null),
                ItemFilter.textMatches("blue", blue.attic), ItemFilter.textMatches("nothing like it", null))) {
            List<Item> page = items.findPage(owner, filter, Paging.ALL).orElseThrow().rows();
            assertThat(streamed(filter)).as("%s", filter).contains(page);
        }
        assertThat(streamed(ItemFilter.textMatches("blue", null)).orElseThrow()).extracting(Item::name)
                .as("names starting with the text first").startsWith("blue", "Blue jug", "Blue mug", "Bluey");
    }

    @Test
    void aStreamedListInAContainerOrTagThatIsNotTheOwnersIsNoList() {
        long theirBox = CatalogueRows.container(stranger, "Box");
        long theirTag = CatalogueRows.tag(stranger, "Blue");
        item(stranger, "Blue cup", "", theirBox, theirTag);

        for (long id : List.of(theirBox, UNKNOWN_ID)) {
            assertThat(streamed(ItemFilter.inContainer(id))).isEmpty();
            assertThat(streamed(ItemFilter.textMatches("blue", id))).isEmpty();
        }
        assertThat(streamed(ItemFilter.withTag(theirTag))).isEmpty();
        assertThat(streamed(ItemFilter.withTag(UNKNOWN_ID))).isEmpty();
        assertThat(streamed(ItemFilter.textMatches("blue", CatalogueRows.container(owner, "Empty")))).contains(List.of());
    }

    // --- name suggestions ---

    @Test
    void suggestionsAreDistinctNamesIgnoringCaseThoseStartingWithTheTextFirst() {
        long box = CatalogueRows.container(owner, "Box");
        for (String name : List.of("Smug", "Mug", "mug", "Mugwort", "MUG", "Coffeemug", "Plate")) {
            item(name, box);
        }
        item(stranger, "Mugs of another user", "", CatalogueRows.container(stranger, "Box"));

        List<String> suggestions = items.nameSuggestions(owner, "MUG", 10);

        assertThat(suggestions).hasSize(4);
        assertThat(suggestions.get(0)).isEqualToIgnoringCase("mug");
        assertThat(suggestions.subList(1, 4)).containsExactly("Mugwort", "Coffeemug", "Smug");
    }

    /** Java's and PostgreSQL's lower case disagree on some letters; the order must follow the search's. */
    @Test
    void suggestionsPutNamesStartingWithTheTextFirstWhateverTheLetters() {
        long box = CatalogueRows.container(owner, "Box");
        item("a\u0130stanbul", box);
        item("\u0130stanbul", box);

        assertThat(items.nameSuggestions(owner, "\u0130st", 10)).containsExactly("\u0130stanbul", "a\u0130stanbul");
    }

    @Test
    void suggestionsStopAtTheLimit() {
        long box = CatalogueRows.container(owner, "Box");
        List<String> names = IntStream.rangeClosed(1, 12).mapToObj(i -> "Lamp%02d".formatted(i)).toList();
        for (int i = names.size() - 1; i >= 0; i--) {
            item(names.get(i), box);
        }

        assertThat(items.nameSuggestions(owner, "lamp", 3)).containsExactlyElementsOf(names.subList(0, 3));
        assertThat(items.nameSuggestions(owner, "lamp", 50)).containsExactlyElementsOf(names);
    }

    // --- helpers ---

    private record BlueCatalogue(long kitchen, long attic, long byName, long byDescription, long byTag, long byAll) {
    }

    /** Four items that match "blue" in different places, one that does not, and another owner's. */
    private BlueCatalogue blueCatalogue() {
        long kitchen = CatalogueRows.container(owner, "Kitchen");
        long attic = CatalogueRows.container(owner, "Attic");
        long bluebell = CatalogueRows.tag(owner, "Bluebell");
        long red = CatalogueRows.tag(owner, "Red");
        long byName = item("Blue mug", kitchen);
        long byDescription = item("Plate", "Light bLuE rim", kitchen);
        long byTag = item("Vase", attic, bluebell, red);
        long byAll = item("Blue jug", "blue", attic, bluebell);
        item("Cup", "red", kitchen, red);
        long theirTag = CatalogueRows.tag(stranger, "Blue");
        item(stranger, "Blue plate", "", CatalogueRows.container(stranger, "Box"), theirTag);
        return new BlueCatalogue(kitchen, attic, byName, byDescription, byTag, byAll);
    }

    private long item(String name, long containerId, Long... tagIds) {
        return item(owner, name, "", containerId, tagIds);
    }

    private long item(String name, String description, long containerId, Long... tagIds) {
        return item(owner, name, description, containerId, tagIds);
    }

    private long item(Owner itemOwner, String name, String description, long containerId, Long... tagIds) {
        return insert.insert(itemOwner, name, description, containerId, null, Set.of(tagIds)).item().orElseThrow().id();
    }

    /** As the service reads a whole list: in a read-only transaction; empty when there is no list. */
    private Optional<List<Item>> streamed(ItemFilter filter) {
        TransactionTemplate readOnly = RepositoryDatabase.transaction();
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> items.stream(owner, filter).map(rows -> {
            try (rows) {
                return rows.toList();
            }
        }));
    }

    private List<Long> ids(ItemFilter filter, Paging paging) {
        return items.findPage(owner, filter, paging).orElseThrow().rows().stream().map(Item::id).toList();
    }

    /** The page's item ids in order and its total ({@code null}: none, as for a whole list). */
    private void assertPage(ItemFilter filter, Paging paging, List<Long> ids, Long total) {
        Paged<Item> page = items.findPage(owner, filter, paging).orElseThrow();
        assertThat(page.rows()).extracting(Item::id).as("%s %s", filter, paging).containsExactlyElementsOf(ids);
        assertThat(page.totalCount()).isEqualTo(total == null ? OptionalLong.empty() : OptionalLong.of(total));
    }
}
