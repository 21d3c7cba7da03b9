package catdata.tag;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag as the API sends it; the field names are the original service's. */
record TagResponse(
        long id,
        String name,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {

    static TagResponse of(Tag tag) {
        return new TagResponse(tag.id(), tag.name(), tag.createdAt(), tag.updatedAt(), tag.createdBy(),
                tag.updatedBy());
    }
}
