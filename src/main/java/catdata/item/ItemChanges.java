package catdata.item;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code PUT}/{@code PATCH /api/item/{id}}, any subset of the fields. A field that is
 * absent is {@code null} here and keeps its value; a present one replaces it, so
 * {@code "image_id": null} (an empty {@code Optional}) clears the photo.
 */
record ItemChanges(
        Optional<String> name,
        Optional<String> description,
        @JsonProperty("container_id") Optional<Long> containerId,
        @JsonProperty("image_id") Optional<Long> imageId,
        Optional<List<Long>> tags) {

    boolean isEmpty() {
        return name == null && description == null && containerId == null && imageId == null && tags == null;
    }
}
