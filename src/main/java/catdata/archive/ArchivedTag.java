package catdata.archive;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag as {@code catalogue.json} holds it. */
record ArchivedTag(
        Long id,
        String name,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {
}
