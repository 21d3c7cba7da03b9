package catdata.archive;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A photo as {@code catalogue.json} is written: its entry in the archive ({@code file}, named by the
 * SHA-256 of the stored bytes, so two rows of the same photo share one), and what those bytes are.
 */
record ExportedPhoto(
        long id,
        String file,
        String sha256,
        @JsonProperty("content_type") String contentType,
        long size,
        int width,
        int height,
        @JsonProperty("original_name") String originalName,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {
}
