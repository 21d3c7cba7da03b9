package catdata.archive;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An item as {@code catalogue.json} is written: its container, photo and tags by their ids in the archive. */
record ExportedItem(
        long id,
        String name,
        String description,
        @JsonProperty("container_id") long containerId,
        @JsonProperty("photo_id") Long photoId,
        List<Long> tags,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {

    /** The item as written when its photo's file could not be exported. */
    ExportedItem withoutPhoto() {
        return new ExportedItem(id, name, description, containerId, null, tags, createdAt, updatedAt, createdBy,
                updatedBy);
    }
}
