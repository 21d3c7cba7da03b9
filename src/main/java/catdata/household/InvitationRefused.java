package catdata.household;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** Why an invitation could not be accepted. */
final class InvitationRefused extends ApiException {

    private InvitationRefused(HttpStatus status, String message) {
        super(status, message);
    }

    /** Unknown, used or revoked: told apart to nobody, so that codes cannot be probed. */
    static InvitationRefused notFound() {
        return new InvitationRefused(HttpStatus.NOT_FOUND, "Invitation not found.");
    }

    static InvitationRefused expired() {
        return new InvitationRefused(HttpStatus.GONE, "Invitation expired.");
    }

    static InvitationRefused alreadyMember() {
        return new InvitationRefused(HttpStatus.CONFLICT, "You are already a member of this household.");
    }
}
