package catdata.tag;

import java.time.Instant;

/** A stored tag, a label items can carry. */
record Tag(long id, String name, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {
}
