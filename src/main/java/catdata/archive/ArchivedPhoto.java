package catdata.archive;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A photo as {@code catalogue.json} holds it. Its type, size, dimensions and SHA-256 are written for
 * whoever reads the archive, but not read back: an import measures the bytes of {@code file} itself.
 */
record ArchivedPhoto(
        Long id,
        String file,
        @JsonProperty("original_name") String originalName,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {
}
