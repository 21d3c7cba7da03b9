package catdata.codec;

import java.io.IOException;
import java.io.InputStream;
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
public class PhotoSanitizer {

    /** Reads {@code source} (twice) and writes the cleaned photo to {@code out}. */
    public void sanitize(ImageFormat format, InputStreamSource source, OutputStream out) throws IOException {
        switch (format) {
            case JPEG -> JpegSanitizer.sanitize(source, out);
            case PNG -> PngSanitizer.sanitize(source, out);
            case WEBP -> WebpSanitizer.sanitize(source, out);
            default -> throw new IllegalStateException("No sanitizer for " + format);
        }
    }

    /** Which way up the photo in {@code in} is to be shown ({@link ExifOrientation}), read without writing anything. */
    public int orientation(ImageFormat format, InputStream in) throws IOException {
        return switch (format) {
            case JPEG -> JpegSanitizer.orientation(in);
            case PNG -> PngSanitizer.orientation(in);
            case WEBP -> WebpSanitizer.orientation(in);
        };
    }

    /** One walk over a file's structure: copies what it keeps, returns the orientation it found. */
    @FunctionalInterface
    interface Walk {
        int walk(StructureReader in, OutputStream out, int orientation) throws IOException;
    }

    /**
     * Walks once without writing, to learn the orientation (EXIF may come after the pixels), then
     * again writing the cleaned file with that orientation where the format wants it.
     */
    static void inTwoPasses(InputStreamSource source, OutputStream out, Walk walk) throws IOException {
        int orientation;
        try (InputStream in = source.getInputStream()) {
            orientation = walk.walk(new StructureReader(in), OutputStream.nullOutputStream(), ExifOrientation.UPRIGHT);
        }
        try (InputStream in = source.getInputStream()) {
            walk.walk(new StructureReader(in), out, orientation);
        }
    }
}
