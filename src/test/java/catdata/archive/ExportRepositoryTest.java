package catdata.archive;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;

/** Every query of {@link ExportRepository} on the real database: one household's rows, in id order. */
class ExportRepositoryTest {

    private final ExportRepository rows = new ExportRepository(RepositoryDatabase.jdbc());
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    @Test
    void eachKindComesInIdOrderAndOnlyTheHouseholds() {
        long attic = CatalogueRows.container(owner, "Attic");
        long box = CatalogueRows.container(owner, "box");
        CatalogueRows.container(stranger, "Theirs");
        long zebra = CatalogueRows.tag(owner, "zebra");
        long apple = CatalogueRows.tag(owner, "Apple");
        long mug = CatalogueRows.item(owner, "Mug", box, zebra, apple);
        long cup = CatalogueRows.item(owner, "Cup", attic);
        CatalogueRows.item(stranger, "Theirs", CatalogueRows.container(stranger, "Other"));

        assertThat(read(rows::containers)).extracting(ExportedContainer::id).containsExactly(attic, box);
        assertThat(read(rows::tags)).extracting(ExportedTag::name).containsExactly("zebra", "Apple");
        List<ExportedItem> items = read(rows::items);
        assertThat(items).extracting(ExportedItem::id).containsExactly(mug, cup);
        assertThat(items.get(0).tags()).containsExactly(Math.min(zebra, apple), Math.max(zebra, apple));
        assertThat(items.get(0).containerId()).isEqualTo(box);
        assertThat(items.get(1).photoId()).isNull();
        List<ItemLine> lines = read(rows::itemLines);
        assertThat(lines.get(0).container()).isEqualTo("box");
        assertThat(lines.get(0).tags()).containsExactly("Apple", "zebra");
        assertThat(lines.get(1).tags()).isEmpty();
    }

    @Test
    void photosSharingTheirBytesShareOneFile() {
        long first = CatalogueRows.photo(owner);
        long second = CatalogueRows.photo(owner);
        CatalogueRows.photo(stranger);

        List<ExportedPhoto> photos = read(rows::photos);
        assertThat(photos).extracting(ExportedPhoto::id).containsExactly(first, second);
        assertThat(photos).extracting(ExportedPhoto::file).containsOnly("photos/" + "0".repeat(64) + ".png");
        List<PhotoFile> files = read(rows::photoFiles);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).entry()).isEqualTo("photos/" + "0".repeat(64) + ".png");
    }

    /** A query's rows, read inside a transaction as its cursor needs. */
    private <T> List<T> read(BiConsumer<Owner, Consumer<T>> query) {
        List<T> read = new ArrayList<>();
        RepositoryDatabase.transaction().executeWithoutResult(status -> query.accept(owner, read::add));
        return read;
    }
}
