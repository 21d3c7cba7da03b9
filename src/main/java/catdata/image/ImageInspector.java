package catdata.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Decides whether a file is a photo we accept, from its bytes alone: the signature names the
 * format, the header gives the size, and a full (subsampled, so memory stays small) decode proves
 * the pixels are all there, so a truncated or corrupt file is refused rather than stored.
 */
@Component
class ImageInspector {

    /** Decoding at most about this many pixels bounds the memory a check needs. */
    private static final long DECODE_PIXEL_BUDGET = 1_000_000;

    private final ImageProperties properties;

    ImageInspector(ImageProperties properties) {
        this.properties = properties;
    }

    record Inspection(ImageFormat format, int width, int height) {
    }

    Inspection inspect(Path file) throws IOException {
        ImageFormat format = ImageFormat.sniff(head(file)).orElseThrow(UnsupportedImage::new);
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(format);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new UnsupportedImage();
                }
                if ((long) width * height > properties.maxPixels()) {
                    throw new ImageTooLarge(properties.maxPixels());
                }
                decodeAll(reader, format, width, height);
                return new Inspection(format, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageTooLarge || e instanceof UnsupportedImage) {
                throw e;
            }
            // The decoders report broken files with all sorts of exceptions; every one means "not a photo".
            throw new UnsupportedImage();
        }
    }

    private static void decodeAll(ImageReader reader, ImageFormat format, int width, int height)
            throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODE_PIXEL_BUDGET)));
        param.setSourceSubsampling(step, step, 0, 0);
        // The JPEG decoder only warns about a truncated file ("premature end"); for us that is a
        // broken photo. Its other warnings (an invalid colour profile, stray bytes) are common in
        // camera files that decode fine. The PNG and WebP decoders throw on broken data.
        if (format == ImageFormat.JPEG) {
            reader.addIIOReadWarningListener(new FailOnTruncation());
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
            throw new UnsupportedImage();
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        }
    }

    private static final class FailOnTruncation implements IIOReadWarningListener {
        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                throw new UnsupportedImage();
            }
        }
    }
}
