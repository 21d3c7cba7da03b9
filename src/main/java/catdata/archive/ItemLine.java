package catdata.archive;

import java.time.Instant;
import java.util.List;

/** An item as a line of the CSV export: its container and tags by name. */
record ItemLine(long id, String name, String description, String container, List<String> tags, Long photoId,
        Instant createdAt, Instant updatedAt) {
}
