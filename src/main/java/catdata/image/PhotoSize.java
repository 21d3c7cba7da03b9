package catdata.image;

import java.util.Locale;

import catdata.codec.ThumbnailRenderer;
import catdata.error.InvalidInput;

/** Which rendition of a photo {@code GET /api/image/{id}?size=} asks for. */
enum PhotoSize {
    /** The photo as it was uploaded (without its metadata). */
    ORIGINAL,
    /** At most {@link ThumbnailRenderer#LONGEST_SIDE} pixels on its longest side, as JPEG: for lists. */
    THUMB;

    static final String PARAMETER = "size";

    /** Absent means the original; anything but the two names is refused, so a typo is not silently the original. */
    static PhotoSize of(String value) {
        if (value == null) {
            return ORIGINAL;
        }
        for (PhotoSize size : values()) {
            if (size.wireName().equals(value)) {
                return size;
            }
        }
        throw new InvalidInput("Invalid value for '" + PARAMETER + "' (use original or thumb).");
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
