package catdata.archive;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A container as {@code catalogue.json} is written. */
record ExportedContainer(
        long id,
        String name,
        String description,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {
}
