package catdata.codec;

import java.nio.BufferUnderflowException;

/**
 * What a photo's headers say it is, read and checked before a single pixel is decoded: the sizes
 * every header declares agree with each other (a frame never larger than its canvas), none is over
 * the pixel limit, and the memory its decoding will take is known, so the decode can be budgeted
 * ({@link DecodeBudget}) or refused before it starts.
 */
sealed interface DeclaredImage permits JpegStructure, PngStructure, WebpStructure {

    /** The picture's width as shown (a WebP's canvas, a PNG's IHDR, a JPEG's frame). */
    int width();

    int height();

    /** An upper bound on the memory (heap and native) the decoder needs, besides its output raster. */
    long decodeBytes();

    /** The headers of {@code file}, a whole photo in {@code format}, checked against {@code maxPixels}. */
    static DeclaredImage read(ImageFormat format, byte[] file, long maxPixels) {
        try {
            return switch (format) {
                case JPEG -> JpegStructure.read(file, maxPixels);
                case PNG -> PngStructure.read(file, maxPixels);
                case WEBP -> WebpStructure.read(file, maxPixels);
            };
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // A header that points past the file's end: the file ends before what it declares.
            throw new UnsupportedImage();
        }
    }

    /** Refuses a declared size that is empty (415) or over the limit (413). */
    static long checkedPixels(long width, long height, long maxPixels) {
        if (width <= 0 || height <= 0) {
            throw new UnsupportedImage();
        }
        long pixels = width * height;
        if (pixels > maxPixels) {
            throw new ImageTooLarge(maxPixels);
        }
        return pixels;
    }
}
