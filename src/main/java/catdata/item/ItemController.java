package catdata.item;

import java.net.URI;

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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import catdata.owner.Owner;

@RestController
// Only JSON is produced: a request that cannot accept it is refused before anything is written.
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Items", description = "The belongings themselves.")
class ItemController {

    private final ItemService items;
    private final ItemFinder finder;

    ItemController(ItemService items, ItemFinder finder) {
        this.items = items;
        this.finder = finder;
    }

    @GetMapping("/item/{id}")
    @Operation(summary = "Get one item with its tag ids")
    ItemResponse get(Owner owner, @PathVariable @Positive long id) {
        return ItemResponse.of(finder.get(owner, id));
    }

    @PostMapping("/item")
    @Operation(summary = "Create an item in one of your containers, optionally with a photo and tags")
    @ApiResponse(responseCode = "201", description = "Created.", useReturnTypeSchema = true)
    ResponseEntity<ItemResponse> create(Owner owner, @RequestBody NewItem request) {
        Item item = items.create(owner, request);
        return ResponseEntity.created(URI.create("/api/item/" + item.id())).body(ItemResponse.of(item));
    }

    /** PUT and PATCH alike: the front end sends partial bodies with PUT (only {@code container_id}). */
    @RequestMapping(path = "/item/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Change an item: fields given replace the stored ones, others are kept")
    ItemResponse update(Owner owner, @PathVariable @Positive long id, @RequestBody ItemChanges changes) {
        return ItemResponse.of(items.update(owner, id, changes));
    }

    @DeleteMapping("/item/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an item")
    void delete(Owner owner, @PathVariable @Positive long id) {
        items.delete(owner, id);
    }

    @PostMapping("/container/{id}/move-items")
    @Operation(summary = "Move every item of a container into another one, all at once")
    MovedItems moveAll(Owner owner, @PathVariable @Positive long id, @RequestBody MoveItems request) {
        return new MovedItems(items.moveAll(owner, id, request));
    }
}
