package catdata.household;

import java.time.Instant;

/** A pending invitation, as its household's owners see it: never its code. */
record Invitation(long id, String role, Instant expiresAt, String createdBy, Instant createdAt) {
}
