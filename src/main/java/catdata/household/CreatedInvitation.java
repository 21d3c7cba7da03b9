package catdata.household;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new invitation with its code, which is shown this once and kept only as a hash. */
record CreatedInvitation(long id, String code, String role, @JsonProperty("expires_at") Instant expiresAt) {
}
