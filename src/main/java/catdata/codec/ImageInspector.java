package catdata.codec;

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
public class ImageInspector {

    /** Decoding at most about this many pixels of each frame bounds the output a check needs. */
    static final long DECODE_PIXEL_BUDGET = 1_000_000;

    private final DecodeLimits limits;
    private final DecodeBudget budget;

    ImageInspector(DecodeLimits limits, DecodeBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    public record Inspection(ImageFormat format, int width, int height) {
    }

    public Inspection inspect(Path file) throws IOException {
        return inspect(Files.readAllBytes(file));
    }

    public Inspection inspect(byte[] file) {
        ImageFormat format = ImageFormat.sniff(file).orElseThrow(UnsupportedImage::new);
        DeclaredImage declared = DeclaredImage.read(format, file, limits.maxPixels());
        int step = (int) Math.max(1,
                Math.ceil(Math.sqrt((double) declared.width() * declared.height() / DECODE_PIXEL_BUDGET)));
        budget.run(declared, step, () -> {
            PhotoDecoder.decodeAll(format, declared, file, step);
            return null;
        });
        return new Inspection(format, declared.width(), declared.height());
    }
}
