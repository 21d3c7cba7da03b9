package catdata.codec;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a thumbnail: the photo at most {@link #LONGEST_SIDE} pixels on its longest side, turned the
 * way its orientation says (so it looks like the photo as displayed), transparency shown on white,
 * written as a JPEG with no metadata.
 *
 * <p>The photo is decoded reduced ({@link PhotoDecoder}: source subsampling for JPEG and PNG, libwebp's
 * scaling for WebP) to about twice the thumbnail's size, so even a 50-megapixel photo never needs
 * more than a few megabytes of raster; the last factor of two or more is scaled smoothly.
 */
public final class ThumbnailRenderer {

    public static final int LONGEST_SIDE = 320;
    /** Plenty for a list view; the noise of a large photo is averaged away, so files stay small. */
    private static final float QUALITY = 0.8f;

    private ThumbnailRenderer() {
    }

    /** How much the decoder reduces the photo: to about twice the thumbnail's size, or less. */
    private static int step(DeclaredImage declared) {
        return Math.max(1, Math.max(declared.width(), declared.height()) / (2 * LONGEST_SIDE));
    }

    /**
     * Draws the thumbnail of {@code photo}, stored as {@code format}: its headers are checked
     * again (it may have been stored by an older version with fewer checks), then it is decoded
     * within the budget.
     */
    public static BufferedImage render(ImageFormat format, byte[] photo, int orientation, long maxPixels,
            DecodeBudget budget) {
        DeclaredImage declared = DeclaredImage.read(format, photo, maxPixels);
        return budget.run(declared, step(declared), () -> render(format, declared, photo, orientation));
    }

    private static BufferedImage render(ImageFormat format, DeclaredImage declared, byte[] file, int orientation) {
        int width = declared.width();
        int height = declared.height();
        BufferedImage decoded = PhotoDecoder.decodeFirst(format, declared, file, step(declared));
        double scale = Math.min(1.0, (double) LONGEST_SIDE / Math.max(width, height));
        int thumbWidth = Math.max(1, (int) Math.round(width * scale));
        int thumbHeight = Math.max(1, (int) Math.round(height * scale));
        return orient(onWhite(shrink(decoded, thumbWidth, thumbHeight), thumbWidth, thumbHeight), orientation);
    }

    public static void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
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
}
