package catdata.archive;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An item as {@code catalogue.json} holds it; its container, photo and tags by their ids in the archive. */
record ArchivedItem(
        Long id,
        String name,
        String description,
        @JsonProperty("container_id") Long containerId,
        @JsonProperty("photo_id") Long photoId,
        List<Long> tags,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {
}
