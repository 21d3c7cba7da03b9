package catdata.item;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An item as the API sends it. The field names are the original service's, including its one
 * camelCase field, {@code containerName}; {@code image_id} is {@code null} for an item without a photo.
 */
record ItemResponse(
        long id,
        String name,
        String description,
        @JsonProperty("container_id") long containerId,
        String containerName,
        @JsonProperty("image_id") Long imageId,
        List<Long> tags,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {

    static ItemResponse of(Item item) {
        return new ItemResponse(item.id(), item.name(), item.description(), item.containerId(), item.containerName(),
                item.imageId(), item.tagIds(), item.createdAt(), item.updatedAt(), item.createdBy(), item.updatedBy());
    }
}
