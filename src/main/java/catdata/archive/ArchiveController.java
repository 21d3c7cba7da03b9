package catdata.archive;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import catdata.owner.Owner;

@RestController
@RequestMapping("/api")
@Tag(name = "Export and import", description = "A whole household as one archive, and back.")
class ArchiveController {

    private final ExportWriter exports;
    private final ImportService imports;
    private final ArchiveUploads uploads;

    ArchiveController(ExportWriter exports, ImportService imports, ArchiveUploads uploads) {
        this.exports = exports;
        this.imports = imports;
        this.uploads = uploads;
    }

    @GetMapping("/export")
    @Operation(summary = "Download the household: an archive of everything (zip), or its items as CSV",
            description = "The zip holds catalogue.json (format_version 1: containers, tags, photos and items with "
                    + "their timestamps and authors) and photos/<sha256>.<extension>, the stored bytes of each "
                    + "photo. The CSV has one line per item (id, name, description, container, tags joined "
                    + "with ';', photo_id, created_at, updated_at) after a header line; text a spreadsheet would "
                    + "take for a formula starts with a single quote. Both are sent as an attachment named "
                    + "cat-data-<household id>-<date>, as they are read from the database.")
    @ApiResponse(responseCode = "200", description = "The download.", content = {
        @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    void export(Owner owner,
            @Parameter(description = "zip (the default) or csv", schema = @Schema(type = "string",
                    allowableValues = {"zip", "csv"}, defaultValue = "zip"))
            @RequestParam(name = "format", required = false) String format,
            HttpServletResponse response) throws IOException {
        exports.write(owner, ExportFormat.of(format), response);
    }

    /**
     * Thrown on: no error body can follow a download already under way, so the exception goes on to
     * Tomcat, which closes the connection (see {@link ExportWriter}).
     */
    @ExceptionHandler(ExportWriter.ExportCutShort.class)
    void exportCutShort(ExportWriter.ExportCutShort e) {
        throw e;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import an archive made by GET /api/export into this household, which must be empty",
            description = "All or nothing: an archive refused for any reason leaves no row and no photo file. Rows "
                    + "get new ids and keep their timestamps and authors. Photos are judged as uploads are. The "
                    + "archive may hold at most MAX_IMPORT_SIZE (2 GB) uncompressed, MAX_IMPORT_ENTRIES "
                    + "(50,000) files and MAX_IMPORT_ROWS (1,000,000) rows, with no entry compressed more "
                    + "than 100 to 1.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schemaProperties = @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "Imported: how many of each.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "Not an archive this service reads, or one that breaks a rule "
            + "(an entry path with .. or absolute, an unknown format_version, a reference to a row it lacks, two "
            + "containers or tags of one name, a field the API would refuse); the error names it.")
    @ApiResponse(responseCode = "409", description = "The household already holds containers, tags, items or photos.")
    @ApiResponse(responseCode = "413", description = "The archive, an entry or a photo is over a limit, or an entry is "
            + "compressed more than 100 to 1.")
    @ApiResponse(responseCode = "415", description = "A photo in the archive is not a whole JPEG, PNG or WebP image.")
    @ApiResponse(responseCode = "503", description = "Photo storage is unavailable; try again later.")
    ImportCounts importArchive(Owner owner, HttpServletRequest request) throws IOException {
        return imports.importArchive(owner, () -> uploads.receive(request));
    }
}
