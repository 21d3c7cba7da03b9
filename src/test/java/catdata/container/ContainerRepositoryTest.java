package catdata.container;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;
import catdata.paging.Paged;
import catdata.paging.Paging;

/** Every query of {@link ContainerRepository} on the real database, and that none reaches another owner's rows. */
class ContainerRepositoryTest {

    private static final long UNKNOWN_ID = Long.MAX_VALUE;

    private final ContainerRepository containers = new ContainerRepository(RepositoryDatabase.jdbc());
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    // --- one container ---

    @Test
    void aNewContainerIsFoundAsItWasInserted() {
        Container box = containers.insert(owner, "Garage shelf", "Top");

        assertThat(box.id()).isPositive();
        assertThat(box.name()).isEqualTo("Garage shelf");
        assertThat(box.description()).isEqualTo("Top");
        assertThat(box.updatedAt()).isEqualTo(box.createdAt());
        assertThat(containers.find(owner, box.id())).contains(box);
    }

    @Test
    void anotherOwnersContainerIsNotFound() {
        Container box = containers.insert(owner, "Box", "");

        assertThat(containers.find(stranger, box.id())).isEmpty();
        assertThat(containers.find(owner, UNKNOWN_ID)).isEmpty();
    }

    @Test
    void aNameTheOwnerHasIsADuplicateWhateverItsCase() {
        containers.insert(owner, "Garage Shelf", "");

        assertThatThrownBy(() -> containers.insert(owner, "garage shelf", "")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> containers.insert(owner, "GARAGE SHELF", "")).isInstanceOf(DuplicateKeyException.class);
        assertThat(names(containers.findAll(owner, Paging.ALL))).containsExactly("Garage Shelf");
    }

    @Test
    void anotherOwnerMayUseTheSameName() {
        containers.insert(owner, "Garage Shelf", "");

        Container theirs = containers.insert(stranger, "garage shelf", "");

        assertThat(containers.find(stranger, theirs.id())).contains(theirs);
    }

    // --- update ---

    @Test
    void aNullNameOrDescriptionKeepsTheStoredOne() {
        long id = containers.insert(owner, "Box", "Blue lid").id();

        assertThat(containers.update(owner, id, "Crate", null).orElseThrow())
                .extracting(Container::name, Container::description).containsExactly("Crate", "Blue lid");
        assertThat(containers.update(owner, id, null, "Red lid").orElseThrow())
                .extracting(Container::name, Container::description).containsExactly("Crate", "Red lid");
        assertThat(containers.update(owner, id, "Bin", "").orElseThrow())
                .extracting(Container::name, Container::description).containsExactly("Bin", "");
        assertThat(containers.find(owner, id).orElseThrow().name()).isEqualTo("Bin");
    }

    @Test
    void anUpdateMovesUpdatedAtAndKeepsCreatedAt() {
        long id = containers.insert(owner, "Box", "").id();
        CatalogueRows.backdate("containers", id);
        Container before = containers.find(owner, id).orElseThrow();

        Container after = containers.update(owner, id, null, null).orElseThrow();

        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
        assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    }

    @Test
    void renamingToAnotherOfTheOwnersNamesIsADuplicateButToItsOwnInAnotherCaseIsNot() {
        containers.insert(owner, "Attic", "");
        long box = containers.insert(owner, "Box", "").id();

        assertThatThrownBy(() -> containers.update(owner, box, "ATTIC", null)).isInstanceOf(DuplicateKeyException.class);
        assertThat(containers.update(owner, box, "BOX", null).orElseThrow().name()).isEqualTo("BOX");
        assertThat(containers.update(stranger, containers.insert(stranger, "Shed", "").id(), "attic", null))
                .get().extracting(Container::name).isEqualTo("attic");
    }

    @Test
    void anotherOwnersContainerCannotBeUpdated() {
        Container box = containers.insert(owner, "Box", "Blue lid");

        assertThat(containers.update(stranger, box.id(), "Stolen", "Mine now")).isEmpty();
        assertThat(containers.update(owner, UNKNOWN_ID, "Box", null)).isEmpty();
        assertThat(containers.find(owner, box.id())).contains(box);
    }

    // --- delete ---

    @Test
    void anEmptyContainerIsDeletedOnce() {
        long id = containers.insert(owner, "Box", "").id();

        assertThat(containers.delete(owner, id)).isTrue();
        assertThat(containers.find(owner, id)).isEmpty();
        assertThat(containers.delete(owner, id)).isFalse();
    }

    @Test
    void aContainerThatHoldsItemsCannotBeDeleted() {
        Container box = containers.insert(owner, "Box", "");
        CatalogueRows.item(owner, "Lamp", box.id());

        assertThatThrownBy(() -> containers.delete(owner, box.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(containers.find(owner, box.id())).contains(box);
    }

    /** Refusing would tell the stranger that the container exists and holds items. */
    @Test
    void anotherOwnersContainerIsNotDeletedEmptyOrFull() {
        Container empty = containers.insert(owner, "Empty", "");
        Container full = containers.insert(owner, "Full", "");
        CatalogueRows.item(owner, "Lamp", full.id());

        assertThat(containers.delete(stranger, empty.id())).isFalse();
        assertThat(containers.delete(stranger, full.id())).isFalse();
        assertThat(containers.findAll(owner, Paging.ALL).rows()).containsExactly(empty, full);
    }

    // --- lists ---

    @Test
    void theListHoldsOnlyTheOwnersContainersByNameIgnoringCaseWithoutATotal() {
        for (String name : List.of("beta", "ALPHA2", "gamma", "Alpha", "tools", "Kitchen", "BOOKS", "kids")) {
            containers.insert(owner, name, "");
        }
        containers.insert(stranger, "Aardvark", "");

        Paged<Container> list = containers.findAll(owner, Paging.ALL);

        assertThat(names(list)).containsExactly("Alpha", "ALPHA2", "beta", "BOOKS", "gamma", "kids", "Kitchen", "tools");
        assertThat(list.totalCount()).isEmpty();
    }

    @Test
    void aListIsCutIntoPagesWithTheTotal() {
        for (String name : List.of("e", "D", "c", "B", "a")) {
            containers.insert(owner, name, "");
        }
        containers.insert(stranger, "A0", "");

        assertPage(containers.findAll(owner, new Paging(2, null)), 5, "a", "B");
        assertPage(containers.findAll(owner, new Paging(2, 2)), 5, "c", "D");
        assertPage(containers.findAll(owner, new Paging(2, 4)), 5, "e");
        assertPage(containers.findAll(owner, new Paging(null, 3)), 5, "D", "e");
        assertPage(containers.findAll(owner, new Paging(1000, 0)), 5, "a", "B", "c", "D", "e");
        assertPage(containers.findAll(owner, new Paging(2, 5)), 5);
        assertPage(containers.findAll(owner, new Paging(null, 100)), 5);
        assertThat(containers.findAllWithCounts(owner, new Paging(2, 4)).rows())
                .extracting(row -> row.container().name()).containsExactly("e");
        assertThat(containers.findAllWithCounts(owner, new Paging(2, 5)))
                .isEqualTo(new Paged<>(List.of(), OptionalLong.of(5)));
    }

    @Test
    void anOwnerWithoutContainersHasEmptyListsWithATotalOfZeroWhenPaged() {
        containers.insert(stranger, "Box", "");

        assertThat(containers.findAll(owner, Paging.ALL)).isEqualTo(new Paged<>(List.of(), OptionalLong.empty()));
        assertThat(containers.findAll(owner, new Paging(10, 0))).isEqualTo(new Paged<>(List.of(), OptionalLong.of(0)));
        assertThat(containers.findAllWithCounts(owner, Paging.ALL).rows()).isEmpty();
        assertThat(containers.findAllWithCounts(owner, new Paging(10, 0)))
                .isEqualTo(new Paged<>(List.of(), OptionalLong.of(0)));
    }

    @Test
    void withCountsGivesEveryContainerItsNumberOfItemsZeroForEmptyOnes() {
        Container shelf = containers.insert(owner, "shelf", "");
        Container attic = containers.insert(owner, "Attic", "Under the roof");
        Container cellar = containers.insert(owner, "Cellar", "");
        CatalogueRows.item(owner, "Lamp", shelf.id());
        CatalogueRows.item(owner, "Kettle", shelf.id());
        CatalogueRows.item(owner, "Sled", attic.id());

        Paged<ContainerWithCount> list = containers.findAllWithCounts(owner, Paging.ALL);

        assertThat(list.rows()).containsExactly(new ContainerWithCount(attic, 1), new ContainerWithCount(cellar, 0),
                new ContainerWithCount(shelf, 2));
        assertThat(list.totalCount()).isEmpty();
        assertThat(containers.findAllWithCounts(owner, new Paging(1, 1)))
                .isEqualTo(new Paged<>(List.of(new ContainerWithCount(cellar, 0)), OptionalLong.of(3)));
    }

    @Test
    void anotherOwnersItemsNeverCountEvenInContainersOfTheSameName() {
        Container mine = containers.insert(owner, "Attic box", "");
        CatalogueRows.item(owner, "Teapot", mine.id());
        Container theirs = containers.insert(stranger, "Attic box", "");
        CatalogueRows.item(stranger, "Teapot", theirs.id());
        CatalogueRows.item(stranger, "Teapot", theirs.id());

        assertThat(containers.findAllWithCounts(owner, new Paging(10, 0)))
                .isEqualTo(new Paged<>(List.of(new ContainerWithCount(mine, 1)), OptionalLong.of(1)));
        assertThat(containers.findAllWithCounts(stranger, Paging.ALL).rows())
                .containsExactly(new ContainerWithCount(theirs, 2));
    }

    private static List<String> names(Paged<Container> page) {
        return page.rows().stream().map(Container::name).toList();
    }

    private static void assertPage(Paged<Container> page, long total, String... names) {
        assertThat(names(page)).containsExactly(names);
        assertThat(page.totalCount()).hasValue(total);
    }
}
