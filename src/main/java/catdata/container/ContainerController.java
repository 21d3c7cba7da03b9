package catdata.container;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Positive;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import catdata.owner.Owner;
import catdata.paging.Paging;

@RestController
// Only JSON is produced: a request that cannot accept it is refused before anything is written.
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Containers", description = "Boxes, shelves and drawers that hold items.")
class ContainerController {

    private final ContainerService containers;

    ContainerController(ContainerService containers) {
        this.containers = containers;
    }

    @GetMapping("/containers")
    @Operation(summary = "List your containers, ordered by name")
    ResponseEntity<List<ContainerResponse>> list(Owner owner, @ParameterObject Paging paging) {
        return containers.list(owner, paging).toResponse(ContainerResponse::of);
    }

    @GetMapping("/containers/with-counts")
    @Operation(summary = "List your containers with the number of items in each")
    ResponseEntity<List<ContainerCountResponse>> listWithCounts(Owner owner,
            @ParameterObject Paging paging) {
        return containers.listWithCounts(owner, paging).toResponse(ContainerCountResponse::of);
    }

    @GetMapping("/container/{id}")
    @Operation(summary = "Get one container")
    ContainerResponse get(Owner owner, @PathVariable @Positive long id) {
        return ContainerResponse.of(containers.get(owner, id));
    }

    @PostMapping("/container")
    @Operation(summary = "Create a container")
    @ApiResponse(responseCode = "201", description = "Created.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "You already have a container with this name.")
    ResponseEntity<ContainerResponse> create(Owner owner, @RequestBody NewContainer request) {
        Container container = containers.create(owner, request);
        return ResponseEntity.created(URI.create("/api/container/" + container.id()))
                .body(ContainerResponse.of(container));
    }

    /** PUT and PATCH alike: the fields given are changed, the others kept. */
    @RequestMapping(path = "/container/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Rename or describe a container (fields left out are kept)")
    @ApiResponse(responseCode = "200", description = "Updated.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "You already have a container with this name.")
    ContainerResponse update(Owner owner, @PathVariable @Positive long id, @RequestBody ContainerChanges changes) {
        return ContainerResponse.of(containers.update(owner, id, changes));
    }

    @DeleteMapping("/container/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an empty container")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "409", description = "The container still holds items.")
    void delete(Owner owner, @PathVariable @Positive long id) {
        containers.delete(owner, id);
    }
}
