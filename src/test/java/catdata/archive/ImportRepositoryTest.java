package catdata.archive;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;

/** Every statement of {@link ImportRepository} on the real database: what it writes, and that it stays in its household. */
class ImportRepositoryTest {

    private static final Stamps STAMPS = new Stamps(Instant.parse("2020-01-02T03:04:05.678Z"),
            Instant.parse("2021-02-03T04:05:06.789Z"), "maker", "changer");

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();
    private final ImportRepository rows = new ImportRepository(jdbc);
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    @Test
    void aHouseholdHoldsRowsOnceItHasAnyOfTheFourKinds() {
        assertThat(rows.holdsRows(owner)).isFalse();

        Owner withTag = newOwner();
        CatalogueRows.tag(withTag, "Red");
        Owner withPhoto = newOwner();
        CatalogueRows.photo(withPhoto);
        Owner withContainer = newOwner();
        CatalogueRows.container(withContainer, "Box");

        assertThat(List.of(withTag, withPhoto, withContainer)).allMatch(rows::holdsRows);
        assertThat(rows.holdsRows(owner)).isFalse();
    }

    @Test
    void theHouseholdIsLockedIfItIsThere() {
        RepositoryDatabase.transaction().executeWithoutResult(status -> {
            assertThat(rows.lockHousehold(owner)).isTrue();
            assertThat(rows.lockHousehold(new Owner(Long.MAX_VALUE, "nobody"))).isFalse();
        });
    }

    @Test
    void rowsKeepTheTimestampsAndAuthorsTheyAreGiven() {
        long box = rows.insertContainer(owner, "Box", "top", STAMPS);
        long red = rows.insertTag(owner, "Red", STAMPS);
        rows.insertItem(owner, "Mug", "", box, OptionalLong.empty(), List.of(red), STAMPS);

        for (String table : List.of("containers", "tags", "items")) {
            assertThat(jdbc.sql("SELECT created_at, updated_at, created_by, updated_by, household_id FROM " + table
                    + " WHERE household_id = :household").param("household", owner.household())
                    .query((row, n) -> List.of(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant(),
                            row.getString(3), row.getString(4), row.getLong(5))).single())
                    .as(table).containsExactly(STAMPS.createdAt(), STAMPS.updatedAt(), "maker", "changer",
                            owner.household());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM items_to_tags WHERE tag_id = :tag").param("tag", red)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anItemIsNotWrittenWithAnotherHouseholdsContainerPhotoOrTags() {
        long theirs = CatalogueRows.container(stranger, "Box");
        long mine = CatalogueRows.container(owner, "Box");
        long theirPhoto = CatalogueRows.photo(stranger);
        long theirTag = CatalogueRows.tag(stranger, "Red");

        for (Runnable insert : List.<Runnable>of(
                () -> rows.insertItem(owner, "Mug", "", theirs, OptionalLong.empty(), List.of(), STAMPS),
                () -> rows.insertItem(owner, "Mug", "", mine, OptionalLong.of(theirPhoto), List.of(), STAMPS),
                () -> rows.insertItem(owner, "Mug", "", mine, OptionalLong.empty(), List.of(theirTag), STAMPS))) {
            assertThatThrownBy(() -> RepositoryDatabase.transaction().executeWithoutResult(status -> insert.run()))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM items WHERE household_id IN (:households)")
                .param("households", List.of(owner.household(), stranger.household())).query(Long.class).single())
                .isZero();
    }
}
