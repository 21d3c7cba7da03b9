package catdata.image;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A photo in {@code GET /api/images}: its metadata, not its bytes. */
record ImageResponse(
        long id,
        String name,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("content_type") String contentType,
        long size,
        int width,
        int height,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy) {

    static ImageResponse of(Image image) {
        return new ImageResponse(image.id(), image.name(), image.createdAt(), image.updatedAt(),
                image.contentType(), image.size(), image.width(), image.height(), image.createdBy(),
                image.updatedBy());
    }
}
