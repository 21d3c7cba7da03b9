package catdata.archive;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A container as {@code catalogue.json} holds it, read leniently so each rule can name the field it breaks. */
record ArchivedContainer(
        Long id,
        String name,
        String description,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {
}
