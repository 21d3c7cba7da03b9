package catdata.archive;

import java.time.Instant;

/** When a row was made and last changed, and by whom (a token's {@code sub}), as the archive says. */
record Stamps(Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {
}
