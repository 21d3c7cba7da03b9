package catdata.container;

import java.time.Instant;

/** A stored container (box, shelf, drawer). */
record Container(long id, String name, String description, Instant createdAt, Instant updatedAt,
        String createdBy, String updatedBy) {
}
