package catdata.archive;

import java.util.Collection;
import java.util.OptionalLong;

import org.springframework.core.io.InputStreamSource;

/**
 * Where an archive's rows go once {@link CatalogueReader} has checked them, in the order they may
 * refer to each other: containers, tags, photos, items. Each answers the row's new id; the ids an
 * item is given are those answers.
 */
interface ImportSink {

    long container(String name, String description, Stamps stamps);

    long tag(String name, Stamps stamps);

    /** {@code entry} names the photo's file in the archive, for refusals. */
    long photo(String entry, String originalName, Stamps stamps, InputStreamSource bytes);

    void item(String name, String description, long containerId, OptionalLong photoId, Collection<Long> tagIds,
            Stamps stamps);
}
