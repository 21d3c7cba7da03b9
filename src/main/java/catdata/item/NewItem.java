package catdata.item;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /api/item}; fields the server owns ({@code id}, {@code imageUrl}...) are ignored. */
record NewItem(
        String name,
        String description,
        @JsonProperty("container_id") Long containerId,
        @JsonProperty("image_id") Long imageId,
        List<Long> tags) {
}
