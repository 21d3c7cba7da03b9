package catdata.item;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /api/container/{id}/move-items}. */
record MoveItems(@JsonProperty("to_container_id") Long toContainerId) {
}
