package catdata.household;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Positive;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import catdata.owner.Caller;

@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Households")
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/household/{id}/invitation")
    @Operation(summary = "Invite someone (owners only): the code is shown this once")
    @ApiResponse(responseCode = "201", description = "Created.", useReturnTypeSchema = true)
    ResponseEntity<CreatedInvitation> create(Caller caller, @PathVariable @Positive long id,
            @RequestBody InvitationRequest request) {
        CreatedInvitation invitation = invitations.create(caller, id, request);
        return ResponseEntity.created(URI.create("/api/household/" + id + "/invitation/" + invitation.id()))
                .body(invitation);
    }

    @GetMapping("/household/{id}/invitations")
    @Operation(summary = "The pending invitations (owners only), without their codes")
    List<InvitationResponse> pending(Caller caller, @PathVariable @Positive long id) {
        return invitations.pending(caller, id).stream().map(InvitationResponse::of).toList();
    }

    @DeleteMapping("/household/{id}/invitation/{invitation}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a pending invitation (owners only)")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    void revoke(Caller caller, @PathVariable @Positive long id, @PathVariable @Positive long invitation) {
        invitations.revoke(caller, id, invitation);
    }

    @PostMapping("/invitation/accept")
    @Operation(summary = "Join a household with an invitation's code")
    @ApiResponse(responseCode = "200", description = "Joined.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "Unknown, used or revoked.")
    @ApiResponse(responseCode = "409", description = "You are already a member.")
    @ApiResponse(responseCode = "410", description = "Expired.")
    @ApiResponse(responseCode = "429", description = "Too many failed codes lately.")
    Accepted accept(Caller caller, @RequestBody AcceptRequest request) {
        return invitations.accept(caller, request);
    }
}
