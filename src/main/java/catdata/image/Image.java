package catdata.image;

import java.time.Instant;

/** A stored photo's row. */
record Image(long id, String createdBy, String updatedBy, String name, String originalName, String contentType,
        long size, int width, int height, String sha256, Instant createdAt, Instant updatedAt) {

    /** A strong validator: the bytes of a photo never change, and its hash names them. */
    String etag() {
        return "\"" + sha256 + "\"";
    }
}
