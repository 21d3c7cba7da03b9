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
import org.springframework.web.bind.annotation.PutMapping;
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
@Tag(name = "Households", description = "Catalogues shared with the people you live with.")
class HouseholdController {

    private final HouseholdService households;

    HouseholdController(HouseholdService households) {
        this.households = households;
    }

    @GetMapping("/me")
    @Operation(summary = "Who you are, your default household and the households you belong to")
    MeResponse me(Caller caller) {
        return households.me(caller);
    }

    @PutMapping("/me")
    @Operation(summary = "Set the name other members see (1-100 characters)")
    MeResponse rename(Caller caller, @RequestBody NameRequest request) {
        return households.rename(caller, request);
    }

    @GetMapping("/households")
    @Operation(summary = "List your households")
    List<HouseholdResponse> list(Caller caller) {
        return households.list(caller).stream().map(HouseholdResponse::of).toList();
    }

    @PostMapping("/household")
    @Operation(summary = "Make a household, with you as its owner")
    @ApiResponse(responseCode = "201", description = "Created.", useReturnTypeSchema = true)
    ResponseEntity<CreatedHousehold> create(Caller caller, @RequestBody NameRequest request) {
        CreatedHousehold household = households.create(caller, request);
        return ResponseEntity.created(URI.create("/api/household/" + household.id())).body(household);
    }

    @GetMapping("/household/{id}")
    @Operation(summary = "One of your households, with its members")
    @ApiResponse(responseCode = "200", description = "The household.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such household among yours.")
    HouseholdDetails get(Caller caller, @PathVariable @Positive long id) {
        return households.get(caller, id);
    }

    @PutMapping("/household/{id}")
    @Operation(summary = "Rename a household (owners only)")
    @ApiResponse(responseCode = "200", description = "Renamed.", useReturnTypeSchema = true)
    HouseholdDetails rename(Caller caller, @PathVariable @Positive long id, @RequestBody NameRequest request) {
        return households.rename(caller, id, request);
    }

    @DeleteMapping("/household/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an empty household (owners only)")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "409", description = "It still holds containers, tags, items or photos.")
    void delete(Caller caller, @PathVariable @Positive long id) {
        households.delete(caller, id);
    }

    @PutMapping("/household/{id}/member/{member}")
    @Operation(summary = "Change a member's role (owners only)")
    @ApiResponse(responseCode = "200", description = "The member.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "It would leave the household without an owner.")
    Member setRole(Caller caller, @PathVariable @Positive long id, @PathVariable("member") String sub,
            @RequestBody RoleRequest request) {
        return households.setRole(caller, id, sub, request);
    }

    @DeleteMapping("/household/{id}/member/{member}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (owners), or leave (yourself)")
    @ApiResponse(responseCode = "204", description = "Gone from the household.")
    @ApiResponse(responseCode = "409", description = "It would leave the household without an owner.")
    void removeMember(Caller caller, @PathVariable @Positive long id, @PathVariable("member") String sub) {
        households.removeMember(caller, id, sub);
    }

    @PutMapping("/household/{id}/default")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Make one of your households your default")
    @ApiResponse(responseCode = "204", description = "Your default from now on.")
    void makeDefault(Caller caller, @PathVariable @Positive long id) {
        households.makeDefault(caller, id);
    }
}
