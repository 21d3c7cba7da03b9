package catdata.image;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Takes a photo's personal metadata out (EXIF with position, camera and time, XMP, IPTC, comments,
 * thumbnails) and anything appended after its end, keeping its orientation. The compressed pixels
 * are copied byte for byte, never decoded or re-encoded: no quality is lost, memory stays at a
 * buffer, and a picture that decodes the same is guaranteed. A structure the walk cannot follow
 * is not a photo we accept ({@link UnsupportedImage}).
 */
@Component
class PhotoSanitizer {

    /** Reads {@code source} (twice) and writes the cleaned photo to {@code out}. */
    void sanitize(ImageFormat format, InputStreamSource source, OutputStream out) throws IOException {
        switch (format) {
            case JPEG -> JpegSanitizer.sanitize(source, out);
            case PNG -> PngSanitizer.sanitize(source, out);
            case WEBP -> WebpSanitizer.sanitize(source, out);
            default -> throw new IllegalStateException("No sanitizer for " + format);
        }
    }
}
