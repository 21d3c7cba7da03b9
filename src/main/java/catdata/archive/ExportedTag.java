package catdata.archive;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag as {@code catalogue.json} is written. */
record ExportedTag(
        long id,
        String name,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {
}
