package catdata.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a thumbnail: the photo at most {@link #LONGEST_SIDE} pixels on its longest side, turned the
 * way its orientation says (so it looks like the photo as displayed), transparency shown on white,
 * written as a JPEG with no metadata.
 *
 * <p>The photo is decoded with source subsampling, only every n-th pixel of every n-th row, to about
 * twice the thumbnail's size, so even a 50-megapixel photo never needs more than a few megabytes of
 * raster; the last factor of two or more is scaled smoothly.
 */
final class ThumbnailRenderer {

    static final int LONGEST_SIDE = 320;
    /** Plenty for a list view; the noise of a large photo is averaged away, so files stay small. */
    private static final float QUALITY = 0.8f;

    private ThumbnailRenderer() {
    }

    /** Reads the photo (stored as {@code format}) from {@code in} and draws its thumbnail. */
    static BufferedImage render(ImageFormat format, InputStream in, int orientation) throws IOException {
        // In memory rather than ImageIO's default temporary file; the stream is read once, front to back.
        try (ImageInputStream input = new MemoryCacheImageInputStream(in)) {
            ImageReader reader = readerFor(format);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * LONGEST_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                double scale = Math.min(1.0, (double) LONGEST_SIDE / Math.max(width, height));
                int thumbWidth = Math.max(1, (int) Math.round(width * scale));
                int thumbHeight = Math.max(1, (int) Math.round(height * scale));
                return orient(onWhite(shrink(decoded, thumbWidth, thumbHeight), thumbWidth, thumbHeight), orientation);
            } finally {
                reader.dispose();
            }
        }
    }

    static void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            // No metadata given: the writer adds only the JFIF header a decoder needs.
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Halves the image (bilinear, which averages four pixels) while it stays at least the target
     * size: one large bilinear step would skip pixels and look grainy.
     */
    private static BufferedImage shrink(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2, BufferedImage.TYPE_INT_ARGB,
                    null);
        }
        return current;
    }

    /** The final size, drawn over white: JPEG has no transparency, and black would show instead. */
    private static BufferedImage onWhite(BufferedImage image, int width, int height) {
        return scaled(image, width, height, BufferedImage.TYPE_INT_RGB, Color.WHITE);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height, int type, Color background) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D graphics = target.createGraphics();
        try {
            if (background != null) {
                graphics.setColor(background);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    /**
     * The image as its EXIF orientation says to show it (1 as stored; 2 mirrored; 3 turned half
     * round; 4 flipped; 5 transposed; 6 turned a quarter clockwise; 7 transversed; 8 a quarter
     * anticlockwise). Pixel by pixel: a thumbnail is small, and every case reads the same way.
     */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage shown = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                switch (orientation) {
                    case 2 -> shown.setRGB(w - 1 - x, y, rgb);
                    case 3 -> shown.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> shown.setRGB(x, h - 1 - y, rgb);
                    case 5 -> shown.setRGB(y, x, rgb);
                    case 6 -> shown.setRGB(h - 1 - y, x, rgb);
                    case 7 -> shown.setRGB(h - 1 - y, w - 1 - x, rgb);
                    default -> shown.setRGB(y, w - 1 - x, rgb);
                }
            }
        }
        return shown;
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }
}
