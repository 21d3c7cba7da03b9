package catdata.image;

import static catdata.support.RepositoryDatabase.newOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.owner.Owner;
import catdata.support.CatalogueRows;
import catdata.support.RepositoryDatabase;
import catdata.paging.Paging;

/** Every query of {@link ImageRepository} on the real database, and that none reaches another owner's rows. */
class ImageRepositoryTest {

    private static final long UNKNOWN_ID = Long.MAX_VALUE;
    private static final String SHA256 = "ab".repeat(32);
    /** No instance's store: rows queued for it are never swept. */
    private static final String STORE = "/repository-tests/no-store";

    private final JdbcClient jdbc = RepositoryDatabase.jdbc();
    private final ImageRepository images = new ImageRepository(jdbc);
    private final Owner owner = newOwner();
    private final Owner stranger = newOwner();

    @Test
    void aNewPhotoIsFoundWithEverythingItWasInsertedWith() {
        String name = UUID.randomUUID() + ".jpg";

        Image photo = images.insert(owner, name, "Tom.jpg", "image/jpeg", 1234, 40, 30, SHA256);

        assertThat(photo).usingRecursiveComparison().ignoringFields("id", "createdAt", "updatedAt")
                .isEqualTo(new Image(0, owner.sub(), owner.sub(), name, "Tom.jpg", "image/jpeg", 1234, 40, 30,
                        SHA256, null, null));
        assertThat(photo.id()).isPositive();
        assertThat(photo.createdAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES))
                .isEqualTo(photo.updatedAt());
        assertThat(images.find(owner, photo.id())).contains(photo);
    }

    @Test
    void aPhotoWithoutAnOriginalNameIsStored() {
        Image photo = insert(owner);

        assertThat(photo.originalName()).isNull();
        assertThat(images.find(owner, photo.id())).contains(photo);
    }

    @Test
    void anotherOwnersPhotoIsNotFound() {
        Image photo = insert(owner);

        assertThat(images.find(stranger, photo.id())).isEmpty();
        assertThat(images.find(owner, UNKNOWN_ID)).isEmpty();
    }

    /** The name is the file's in the store, shared by every owner. */
    @Test
    void aStoredNameIsADuplicateForAnyOwner() {
        String name = insert(owner).name();

        assertThatThrownBy(() -> images.insert(stranger, name, null, "image/png", 10, 1, 1, SHA256))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anEmptyOrSizelessPhotoIsRefused() {
        for (int[] sizes : new int[][] {{0, 1, 1}, {10, 0, 1}, {10, 1, -1}}) {
            assertThatThrownBy(() -> images.insert(owner, UUID.randomUUID() + ".png", null, "image/png", sizes[0],
                    sizes[1], sizes[2], SHA256)).isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(images.count(owner)).isZero();
    }

    @Test
    void theListHoldsOnlyTheOwnersPhotosInIdOrderAndCountsThem() {
        Image first = insert(owner);
        Image second = insert(owner);
        insert(stranger);

        assertThat(images.findAll(owner, Paging.ALL)).containsExactly(first, second);
        assertThat(images.count(owner)).isEqualTo(2);
        assertThat(images.count(stranger)).isEqualTo(1);
        assertThat(images.findAll(newOwner(), Paging.ALL)).isEmpty();
        assertThat(images.count(newOwner())).isZero();
    }

    @Test
    void theListIsCutIntoPages() {
        List<Image> photos = List.of(insert(owner), insert(owner), insert(owner));
        insert(stranger);

        assertThat(images.findAll(owner, new Paging(2, 1))).containsExactlyElementsOf(photos.subList(1, 3));
        assertThat(images.findAll(owner, new Paging(2, null))).containsExactlyElementsOf(photos.subList(0, 2));
        assertThat(images.findAll(owner, new Paging(null, 2))).containsExactly(photos.get(2));
        assertThat(images.findAll(owner, new Paging(5, 3))).isEmpty();
    }

    @Test
    void deletingAPhotoQueuesItsFileForRemovalAfterTheGrace() {
        Image photo = insert(owner);

        assertThat(images.delete(owner, photo.id(), STORE, Duration.ofMillis(90_500))).contains(photo.name());

        assertThat(images.find(owner, photo.id())).isEmpty();
        assertThat(images.delete(owner, photo.id(), STORE, Duration.ZERO)).isEmpty();
        OffsetDateTime due = jdbc.sql("SELECT due_at FROM photo_file_removals WHERE name = :name AND store = :store")
                .param("name", photo.name()).param("store", STORE).query(OffsetDateTime.class).single();
        OffsetDateTime now = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
        assertThat(Duration.between(now, due)).isBetween(Duration.ofSeconds(85), Duration.ofMillis(90_500));
    }

    @Test
    void itemsThatShowedADeletedPhotoKeepExistingWithoutOne() {
        Image photo = insert(owner);
        long box = CatalogueRows.container(owner, "Box");
        long teapot = CatalogueRows.item(owner, "Teapot", box);
        jdbc.sql("UPDATE items SET image_id = :image WHERE id = :id").param("image", photo.id()).param("id", teapot)
                .update();

        images.delete(owner, photo.id(), STORE, Duration.ZERO);

        assertThat(jdbc.sql("SELECT image_id IS NULL FROM items WHERE id = :id").param("id", teapot)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anotherOwnersPhotoIsNeitherDeletedNorQueued() {
        Image photo = insert(owner);

        assertThat(images.delete(stranger, photo.id(), STORE, Duration.ZERO)).isEmpty();
        assertThat(images.delete(stranger, UNKNOWN_ID, STORE, Duration.ZERO)).isEmpty();

        assertThat(images.find(owner, photo.id())).contains(photo);
        assertThat(jdbc.sql("SELECT count(*) FROM photo_file_removals WHERE name = :name")
                .param("name", photo.name()).query(Long.class).single()).isZero();
    }

    private Image insert(Owner photoOwner) {
        return images.insert(photoOwner, UUID.randomUUID() + ".png", null, "image/png", 100, 4, 4, SHA256);
    }
}
