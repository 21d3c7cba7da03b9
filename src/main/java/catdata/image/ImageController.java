package catdata.image;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Positive;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import catdata.owner.Owner;
import catdata.paging.Paging;

@RestController
@RequestMapping("/api")
@Tag(name = "Photos", description = "One photo per item, stored as a file.")
class ImageController {

    private final ImageService images;
    private final PhotoSender sender;

    ImageController(ImageService images, PhotoSender sender) {
        this.images = images;
        this.sender = sender;
    }

    @PostMapping(path = "/image", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a photo (JPEG, PNG or WebP) in the multipart field `file`",
            description = "Stored without its metadata (EXIF, XMP, IPTC, comments; the orientation is kept) and "
                    + "without bytes after the image's end; the compressed pixels are kept as sent.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schemaProperties = @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "201", description = "Stored.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "413", description = "The file is too large, declares too many pixels (any of its "
            + "sizes, or an animation's frames together), or needs more memory to decode than the service allows.")
    @ApiResponse(responseCode = "415", description = "The file is not a whole JPEG, PNG or WebP image: its declared "
            + "sizes contradict each other, or its data does not hold what it declares.")
    @ApiResponse(responseCode = "503", description = "Photo storage is unavailable, or too many photos are being "
            + "decoded to wait for a turn; try again later.")
    @ApiResponse(responseCode = "507", description = "Photo storage is full.")
    ResponseEntity<UploadResponse> upload(Owner owner,
            @Parameter(hidden = true) @RequestParam(name = "file", required = false) List<MultipartFile> files) throws IOException {
        Image image = images.upload(owner, files);
        return ResponseEntity.created(URI.create("/api/image/" + image.id()))
                .body(new UploadResponse(image.id(), image.name()));
    }

    @GetMapping(path = "/images", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List your photos")
    ResponseEntity<List<ImageResponse>> list(Owner owner, @ParameterObject Paging paging) {
        return images.list(owner, paging).toResponse(ImageResponse::of);
    }

    @GetMapping("/image/{id}")
    @Operation(summary = "Download a photo, or its thumbnail for lists (size=thumb)",
            description = "Answers 304 to a matching If-None-Match, and one byte range (Range: bytes=...) with 206; "
                    + "If-Range with another ETag, a malformed Range or several ranges get the whole photo. "
                    + "The thumbnail is a JPEG at most 320 pixels on its longest side, turned as the photo is "
                    + "shown, with an ETag of its own; it is made on the first request.")
    @ApiResponse(responseCode = "200", description = "The photo's bytes.", content = @Content(mediaType = "image/*",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The requested byte range, with Content-Range.",
            content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Not modified: the ETag matches.")
    @ApiResponse(responseCode = "416", description = "The range lies beyond the end; Content-Range: bytes */size.")
    @ApiResponse(responseCode = "503", description = "Photo storage is unavailable, or too many thumbnails are "
            + "being made; try again later.")
    void content(Owner owner, @PathVariable @Positive long id,
            @Parameter(description = "original (the default) or thumb", schema = @Schema(type = "string",
                    allowableValues = {"original", "thumb"}, defaultValue = "original"))
            @RequestParam(name = PhotoSize.PARAMETER, required = false) String size,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        sender.send(images.download(owner, id, PhotoSize.of(size)), request, response);
    }

    @DeleteMapping("/image/{id}")
    @Operation(summary = "Delete a photo; items that showed it keep existing without one")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Owner owner, @PathVariable @Positive long id) {
        images.delete(owner, id);
    }
}
