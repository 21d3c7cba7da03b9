package catdata.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import org.springframework.util.unit.DataSize;

import catdata.error.ApiException;

/**
 * One upload's way through the photo code, as the photo feature's upload and thumbnails run it
 * but without the web, the database and the store: sniff, sanitize, inspect (headers, then the
 * budgeted decode), then the thumbnail of what would be stored. With the service's default limits.
 */
final class UploadPipeline {

    enum Outcome { STORED, REFUSED }

    static final DecodeLimits DEFAULTS = new DecodeLimits(50_000_000, DataSize.ofMegabytes(128), 2);

    private final PhotoSanitizer sanitizer = new PhotoSanitizer();
    private final DecodeBudget budget = new DecodeBudget(DEFAULTS);
    private final ImageInspector inspector = new ImageInspector(DEFAULTS, budget);

    /**
     * Stored, or refused with one of the service's own 4xx answers; anything else it throws (another
     * exception, an error) is a defect.
     */
    Outcome run(byte[] upload) throws IOException {
        Optional<ImageFormat> sniffed = ImageFormat.sniff(upload);
        if (sniffed.isEmpty()) {
            return Outcome.REFUSED;
        }
        ImageFormat format = sniffed.get();
        try {
            ByteArrayOutputStream clean = new ByteArrayOutputStream();
            sanitizer.sanitize(format, () -> new ByteArrayInputStream(upload), clean);
            byte[] stored = clean.toByteArray();
            inspector.inspect(stored);
            int orientation = sanitizer.orientation(format, new ByteArrayInputStream(stored));
            BufferedImage thumbnail = ThumbnailRenderer.render(format, stored, orientation, DEFAULTS.maxPixels(), budget);
            ThumbnailRenderer.writeJpeg(thumbnail, OutputStream.nullOutputStream());
            return Outcome.STORED;
        } catch (ApiException refused) {
            if (refused.status().is4xxClientError()) {
                return Outcome.REFUSED;
            }
            throw refused;
        }
    }
}
