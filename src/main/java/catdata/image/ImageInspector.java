package catdata.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * Decides whether a file is a photo we accept, from its bytes alone: the signature names the
 * format; the headers give the sizes, which must agree and stay within the pixel limit
 * ({@link DeclaredImage}), all before any decoding; then a full decode, reduced so that memory
 * stays small and within the {@link DecodeBudget}, proves the pixels are all there, so a truncated
 * or corrupt file is refused rather than stored.
 */
@Component
class ImageInspector {

    /** Decoding at most about this many pixels of each frame bounds the output a check needs. */
    static final long DECODE_PIXEL_BUDGET = 1_000_000;

    private final ImageProperties properties;
    private final DecodeBudget budget;

    ImageInspector(ImageProperties properties, DecodeBudget budget) {
        this.properties = properties;
        this.budget = budget;
    }

    record Inspection(ImageFormat format, int width, int height) {
    }

    Inspection inspect(Path file) throws IOException {
        return inspect(Files.readAllBytes(file));
    }

    Inspection inspect(byte[] file) {
        ImageFormat format = ImageFormat.sniff(file).orElseThrow(UnsupportedImage::new);
        DeclaredImage declared = DeclaredImage.read(format, file, properties.maxPixels());
        int step = (int) Math.max(1,
                Math.ceil(Math.sqrt((double) declared.width() * declared.height() / DECODE_PIXEL_BUDGET)));
        budget.run(declared, step, () -> {
            PhotoDecoder.decodeAll(format, declared, file, step);
            return null;
        });
        return new Inspection(format, declared.width(), declared.height());
    }
}
