package catdata.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import catdata.security.CurrentUser;
import catdata.web.Paging;

@RestController
@RequestMapping("/api")
@Tag(name = "Photos", description = "One photo per item, stored as a file.")
class ImageController {

    /** A photo's bytes never change (a new photo gets a new id), so browsers may keep it for a year. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final ImageService images;

    ImageController(ImageService images) {
        this.images = images;
    }

    @PostMapping(path = "/image", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a photo (JPEG, PNG or WebP) in the multipart field `file`",
            description = "Stored without its metadata (EXIF, XMP, IPTC, comments; the orientation is kept) and "
                    + "without bytes after the image's end; the compressed pixels are kept as sent.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schemaProperties = @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "201", description = "Stored.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "413", description = "The file is too large, or has too many pixels.")
    @ApiResponse(responseCode = "415", description = "The file is not a JPEG, PNG or WebP image.")
    @ApiResponse(responseCode = "503", description = "Photo storage is unavailable; try again later.")
    @ApiResponse(responseCode = "507", description = "Photo storage is full.")
    ResponseEntity<UploadResponse> upload(CurrentUser user,
            @Parameter(hidden = true) @RequestParam(name = "file", required = false) List<MultipartFile> files) throws IOException {
        Image image = images.upload(user.sub(), files);
        return ResponseEntity.created(URI.create("/api/image/" + image.id()))
                .body(new UploadResponse(image.id(), image.name()));
    }

    @GetMapping(path = "/images", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List your photos")
    ResponseEntity<List<ImageResponse>> list(CurrentUser user, @Valid @ParameterObject Paging paging) {
        return images.list(user.sub(), paging).toResponse(ImageResponse::of);
    }

    @GetMapping("/image/{id}")
    @Operation(summary = "Download a photo; answers 304 to a matching If-None-Match")
    @ApiResponse(responseCode = "200", description = "The photo's bytes.", content = @Content(mediaType = "image/*",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Not modified: the ETag matches.")
    ResponseEntity<Resource> content(CurrentUser user, @PathVariable @Positive long id, WebRequest request) {
        Image image = images.find(user.sub(), id);
        if (request.checkNotModified(image.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(image.etag()).cacheControl(IMMUTABLE).build();
        }
        ImageFormat format = ImageFormat.ofContentType(image.contentType());
        InputStream bytes = images.open(user.sub(), image);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                // Never read as anything but the image it is (a polyglot as HTML or script), never
                // saved or shown under a name the client chose.
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("photo-" + image.id() + "." + format.extension()).build().toString())
                .contentLength(image.size())
                .eTag(image.etag())
                .cacheControl(IMMUTABLE)
                .body(new InputStreamResource(bytes));
    }

    @DeleteMapping("/image/{id}")
    @Operation(summary = "Delete a photo; items that showed it keep existing without one")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable @Positive long id) {
        images.delete(user.sub(), id);
    }
}
