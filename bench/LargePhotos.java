import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/**
 * The large photos bench/decode-memory.sh uploads: each near the limits a decode is budgeted for,
 * smooth enough to fit in 10 MB. Run with the service's class path (the WebP writer is libwebp's):
 * java -cp CLASSPATH bench/LargePhotos.java DIRECTORY
 */
public class LargePhotos {

    public static void main(String[] args) throws IOException {
        File dir = new File(args[0]);
        write(picture(6000, 4000, false), "jpeg", new File(dir, "sequential-24mp.jpg"), false, false);
        write(picture(6000, 4000, false), "jpeg", new File(dir, "progressive-24mp.jpg"), true, false);
        write(picture(5000, 4000, false), "png", new File(dir, "rgb-20mp.png"), false, false);
        write(picture(4000, 4000, false), "webp", new File(dir, "lossless-16mp.webp"), false, true);
        write(picture(5000, 5000, true), "webp", new File(dir, "alpha-25mp.webp"), false, false);
    }

    /** Gradients with a little texture: real work for the decoders, small files. */
    private static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / width;
                int g = y * 255 / height;
                int b = ((x / 40 + y / 40) & 1) * 60 + 100;
                int a = alpha ? 128 + (x + y) % 128 : 255;
                row[x] = a << 24 | r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static void write(BufferedImage image, String format, File file, boolean progressive, boolean lossless)
            throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        if (format.equals("webp")) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(param.getCompressionTypes()[lossless ? 1 : 0]);
        }
        try (FileImageOutputStream out = new FileImageOutputStream(file)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        System.out.printf("%s: %d bytes%n", file.getName(), file.length());
    }
}
