package catdata.item;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import catdata.owner.Owner;
import catdata.paging.Paging;

/** The lists and searches of items; each list may be paged with {@code limit} and {@code offset}. */
@RestController
// Only JSON is produced: a request that cannot accept it is refused before anything is written.
@RequestMapping(path = "/api/items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Items")
class ItemListController {

    private static final String SUGGESTION_LIMIT = "limit must be between 1 and 50.";

    private final ItemFinder finder;
    private final ItemListWriter writer;

    ItemListController(ItemFinder finder, ItemListWriter writer) {
        this.finder = finder;
        this.writer = writer;
    }

    /** Unpaged, each list is streamed (see {@link ItemListWriter}), as it may hold any number of items. */
    @GetMapping
    @Operation(summary = "List all your items, ordered by id")
    @ApiResponse(responseCode = "200", description = "Your items.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = ItemResponse.class))))
    void list(Owner owner, @ParameterObject Paging paging, HttpServletResponse response) {
        writer.write(owner, ItemFilter.all(), paging, response);
    }

    /**
     * Thrown on: no error body can follow a list already under way, so the exception goes on to
     * Tomcat, which closes the connection (see {@link ItemListWriter}).
     */
    @ExceptionHandler(ItemListWriter.ListCutShort.class)
    void listCutShort(ItemListWriter.ListCutShort e) {
        throw e;
    }

    @GetMapping("/by-container/{id}")
    @Operation(summary = "List the items in one of your containers")
    @ApiResponse(responseCode = "200", description = "The container's items, ordered by id.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = ItemResponse.class))))
    void byContainer(Owner owner, @PathVariable @Positive long id, @ParameterObject Paging paging,
            HttpServletResponse response) {
        writer.write(owner, ItemFilter.inContainer(id), paging, response);
    }

    @GetMapping("/by-tag/{id}")
    @Operation(summary = "List the items carrying one of your tags")
    @ApiResponse(responseCode = "200", description = "The tag's items, ordered by id.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = ItemResponse.class))))
    void byTag(Owner owner, @PathVariable @Positive long id, @ParameterObject Paging paging,
            HttpServletResponse response) {
        writer.write(owner, ItemFilter.withTag(id), paging, response);
    }

    @GetMapping("/search")
    @Operation(summary = "Find items whose name contains the text (names starting with it first)")
    @ApiResponse(responseCode = "200", description = "The matching items.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = ItemResponse.class))))
    void searchByName(Owner owner,
            @Parameter(description = "At least 2 characters; shorter gives an empty list.")
            @RequestParam(required = false) String name,
            @ParameterObject Paging paging, HttpServletResponse response) {
        writer.write(owner, finder.nameSearch(name), paging, response);
    }

    @GetMapping("/name-suggestions")
    @Operation(summary = "Suggest distinct item names containing the text, for autocomplete")
    List<String> nameSuggestions(Owner owner,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "10") @Min(value = 1, message = SUGGESTION_LIMIT)
            @Max(value = 50, message = SUGGESTION_LIMIT) int limit) {
        return finder.nameSuggestions(owner, q, limit);
    }

    @GetMapping("/search-text")
    @Operation(summary = "Find items whose name, description or a tag's name contains the text")
    @ApiResponse(responseCode = "200", description = "The matching items, names starting with the text first.",
            content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = ItemResponse.class))))
    @ApiResponse(responseCode = "404", description = "containerId is not one of your containers.")
    void searchText(Owner owner,
            @RequestParam(required = false) String q,
            @Parameter(description = "Only items in this container.")
            @RequestParam(required = false) @Positive(message = "Invalid value for 'containerId'.") Long containerId,
            @ParameterObject Paging paging, HttpServletResponse response) {
        writer.write(owner, finder.textSearch(q, containerId), paging, response);
    }
}
