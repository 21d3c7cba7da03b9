package catdata.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos for the download and thumbnail tests: camera-like ones (smooth light with sensor noise,
 * which is what makes real photos large), ones whose corners tell which way up they are shown, and
 * transparent ones.
 */
public final class TestPhotos {

    private TestPhotos() {
    }

    /**
     * A JPEG as a camera makes it: a smooth gradient of light with grain, at quality 0.9. The grain
     * is seeded, so the same size always gives the same file.
     */
    public static byte[] cameraJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random grain = new Random(width * 31L + height);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = (int) (grain.nextGaussian() * 12);
                int red = clamp(60 + 150 * x / width + noise);
                int green = clamp(90 + 100 * y / height + noise);
                int blue = clamp(200 - 120 * (x + y) / (width + height) + noise);
                row[x] = (red << 16) | (green << 8) | blue;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return jpeg(image, 0.9f);
    }

    /**
     * A large JPEG that stays small as a file (a smooth gradient, no grain), for photos with many
     * megapixels that must still fit the upload limit.
     */
    public static byte[] smoothJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = (255 * x / width << 16) | (255 * y / height << 8) | 128;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return jpeg(image, 0.75f);
    }

    /**
     * A picture in blue with its top left quarter red, so that where the red lands shows how it was
     * turned or mirrored.
     */
    public static BufferedImage redTopLeft(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.BLUE);
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(Color.RED);
            graphics.fillRect(0, 0, width / 2, height / 2);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** A PNG with no opaque pixel at all. */
    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        return png(image);
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    /** The image written by {@code writer} as {@code param} says, without metadata; the writer is disposed. */
    public static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] picture) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
            if (image == null) {
                throw new IllegalArgumentException("Not a picture ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
