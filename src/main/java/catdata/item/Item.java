package catdata.item;

import java.time.Instant;
import java.util.List;

/** A stored item with its container's name and the ids of its tags. */
record Item(long id, String name, String description, long containerId, String containerName, Long imageId,
        List<Long> tagIds, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {
}
