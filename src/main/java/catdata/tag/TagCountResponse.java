package catdata.tag;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag with {@code count}, the number of items that carry it. */
record TagCountResponse(
        long id,
        String name,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        long count) {

    static TagCountResponse of(TagWithCount row) {
        Tag tag = row.tag();
        return new TagCountResponse(tag.id(), tag.name(), tag.createdAt(), tag.updatedAt(), row.itemCount());
    }
}
