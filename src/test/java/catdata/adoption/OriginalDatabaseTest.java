package catdata.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.support.RepositoryDatabase;

/** The repository tier of adoption: recognising the original's tables, reading them, setting them aside. */
class OriginalDatabaseTest {

    @Test
    void theOriginalsTablesAreRecognisedAndThisServicesAreNot() {
        OriginalCatData original = OriginalCatData.create();

        assertThat(OriginalDatabase.isOriginal(original.jdbc())).isTrue();
        assertThat(OriginalDatabase.isOriginal(RepositoryDatabase.jdbc())).isFalse();
        original.jdbc().sql("DROP TABLE knex_migrations").update();
        assertThat(OriginalDatabase.isOriginal(original.jdbc())).isFalse();
    }

    @Test
    void rowsAreReadInIdOrderWithThePhotosTimestampsAndLinksCountedWithAndWithoutRepeats() {
        OriginalCatData original = OriginalCatData.create();
        long box = original.container("Box", null);
        long blue = original.tag("Blue");
        long photo = original.photoRow("0b5e6a2e-9c1d-4c8e-a0b1-2f3e4d5c6b7a-a.jpg");
        original.item("Mug", null, box, photo, blue, blue);
        OriginalDatabase database = OriginalDatabase.inPlace(original.jdbc());

        assertThat(database.containers()).extracting(OriginalDatabase.Row::name).containsExactly("Default", "Box");
        assertThat(database.tags()).containsExactly(new OriginalDatabase.Row(blue, "Blue"));
        List<OriginalDatabase.Photo> photos = new ArrayList<>();
        database.eachPhoto(photos::add);
        assertThat(photos).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(photo);
            assertThat(row.createdAt()).isBefore(row.updatedAt());
        });
        assertThat(database.items()).isOne();
        assertThat(database.links()).isEqualTo(2);
        assertThat(database.distinctLinks()).isOne();
    }

    @Test
    void setAsideTablesAreReadFromTheirSchemaAndNotDroppedUnderSomeonesView() {
        OriginalCatData original = OriginalCatData.create();
        original.container("Box", "");
        JdbcClient jdbc = original.jdbc();
        jdbc.sql("CREATE VIEW box_names AS SELECT name FROM containers").update();

        OriginalDatabase.setAsideInPlace(jdbc);
        OriginalDatabase setAside = OriginalDatabase.setAside(jdbc);

        assertThat(jdbc.sql("SELECT to_regclass('public.containers') IS NULL").query(Boolean.class).single()).isTrue();
        assertThat(setAside.containers()).hasSize(2);
        assertThatThrownBy(setAside::drop).isInstanceOf(DataAccessException.class).hasMessageContaining("depend");
    }
}
