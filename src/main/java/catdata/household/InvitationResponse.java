package catdata.household;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A pending invitation in {@code GET /api/household/{id}/invitations}. */
record InvitationResponse(
        long id,
        String role,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("created_at") Instant createdAt) {

    static InvitationResponse of(Invitation invitation) {
        return new InvitationResponse(invitation.id(), invitation.role(), invitation.expiresAt(),
                invitation.createdBy(), invitation.createdAt());
    }
}
