package catdata.container;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A container as the API sends it; the field names are the original service's. */
record ContainerResponse(
        long id,
        String name,
        String description,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {

    static ContainerResponse of(Container container) {
        return new ContainerResponse(container.id(), container.name(), container.description(),
                container.createdAt(), container.updatedAt(), container.createdBy(), container.updatedBy());
    }
}
