package catdata.container;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A container with {@code count}, the number of items in it, for the overview page. */
record ContainerCountResponse(
        long id,
        String name,
        String description,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        long count) {

    static ContainerCountResponse of(ContainerWithCount row) {
        Container container = row.container();
        return new ContainerCountResponse(container.id(), container.name(), container.description(),
                container.createdAt(), container.updatedAt(), row.itemCount());
    }
}
