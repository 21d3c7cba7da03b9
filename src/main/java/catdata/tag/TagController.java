package catdata.tag;

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

import catdata.owner.Owner;
import catdata.paging.Paging;

@RestController
// Only JSON is produced: a request that cannot accept it is refused before anything is written.
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags", description = "Labels that items carry.")
class TagController {

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    @GetMapping("/tags")
    @Operation(summary = "List your tags, ordered by name")
    ResponseEntity<List<TagResponse>> list(Owner owner, @ParameterObject Paging paging) {
        return tags.list(owner, paging).toResponse(TagResponse::of);
    }

    @GetMapping("/tags-with-counts")
    @Operation(summary = "List your tags with the number of items carrying each")
    ResponseEntity<List<TagCountResponse>> listWithCounts(Owner owner, @ParameterObject Paging paging) {
        return tags.listWithCounts(owner, paging).toResponse(TagCountResponse::of);
    }

    @GetMapping("/tag/{id}")
    @Operation(summary = "Get one tag")
    TagResponse get(Owner owner, @PathVariable @Positive long id) {
        return TagResponse.of(tags.get(owner, id));
    }

    @PostMapping("/tag")
    @Operation(summary = "Create a tag")
    @ApiResponse(responseCode = "201", description = "Created.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "You already have a tag with this name.")
    ResponseEntity<TagResponse> create(Owner owner, @RequestBody NewTag request) {
        Tag tag = tags.create(owner, request);
        return ResponseEntity.created(URI.create("/api/tag/" + tag.id())).body(TagResponse.of(tag));
    }

    @RequestMapping(path = "/tag/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Rename a tag")
    @ApiResponse(responseCode = "200", description = "Updated.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "You already have a tag with this name.")
    TagResponse rename(Owner owner, @PathVariable @Positive long id, @RequestBody TagChanges changes) {
        return TagResponse.of(tags.rename(owner, id, changes));
    }

    @DeleteMapping("/tag/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a tag; items that carried it lose it")
    void delete(Owner owner, @PathVariable @Positive long id) {
        tags.delete(owner, id);
    }
}
