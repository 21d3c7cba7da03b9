package catdata.household;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"role", "expires_in"}}: the role it gives, and how many seconds it may be used for. */
record InvitationRequest(String role, @JsonProperty("expires_in") Long expiresIn) {
}
