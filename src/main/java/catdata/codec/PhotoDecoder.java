package catdata.codec;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPReadParam;
import com.luciad.imageio.webp.WebPReader;

/**
 * Decodes a photo whose headers were checked ({@link DeclaredImage}), always reduced: only every
 * n-th pixel of every n-th row for JPEG and PNG (ImageIO's source subsampling), libwebp's scaling
 * for WebP, so the output raster stays small whatever the photo's size. JPEG and PNG are decoded
 * by the JDK, WebP by libwebp, which reports data that ends early or does not fill the declared
 * size as an error. Every failure is {@link UnsupportedImage}.
 */
final class PhotoDecoder {

    private static final WebPImageReaderSpi WEBP = new WebPImageReaderSpi();
    /**
     * The binding never frees a {@link WebPReadParam}'s native decoder options: their cleaner's
     * action is the options object itself, which so stays reachable, and every new one leaked about
     * 300 bytes (found by fuzzing: 80,000 of them after 40,000 uploads). They are reused instead,
     * so there are only ever as many as decodes have run at once.
     */
    private static final Queue<WebPReadParam> WEBP_PARAMS = new ConcurrentLinkedQueue<>();

    private PhotoDecoder() {
    }

    /** Bytes of output of a decode reduced by {@code step} (32-bit pixels, as WebP's; JPEG and PNG take less). */
    static long outputBytes(DeclaredImage declared, int step) {
        return 4L * reduced(declared.width(), step) * reduced(declared.height(), step);
    }

    /** The size a side of {@code length} pixels has after reducing by {@code step}. */
    static int reduced(int length, int step) {
        return Math.max(1, (length + step - 1) / step);
    }

    /**
     * Decodes every frame, each reduced by {@code step}, and throws away the pixels: proves that the
     * data is all there and decodes.
     */
    static void decodeAll(ImageFormat format, DeclaredImage declared, byte[] file, int step) {
        if (declared instanceof WebpStructure webp) {
            for (WebpStructure.Frame frame : webp.frames()) {
                decodeWebp(frame.still(), frame.width(), frame.height(), step);
            }
        } else {
            decodeWithImageIo(format, file, step);
        }
    }

    /**
     * The picture as first shown, reduced by {@code step}: an animation's first frame in its place
     * on the canvas (transparent around it).
     */
    static BufferedImage decodeFirst(ImageFormat format, DeclaredImage declared, byte[] file, int step) {
        if (!(declared instanceof WebpStructure webp)) {
            return decodeWithImageIo(format, file, step);
        }
        WebpStructure.Frame frame = webp.frames().get(0);
        BufferedImage pixels = decodeWebp(frame.still(), frame.width(), frame.height(), step);
        if (frame.x() == 0 && frame.y() == 0 && frame.width() == webp.width() && frame.height() == webp.height()) {
            return pixels;
        }
        BufferedImage canvas = new BufferedImage(reduced(webp.width(), step), reduced(webp.height(), step),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.drawImage(pixels, frame.x() / step, frame.y() / step, null);
        } finally {
            graphics.dispose();
        }
        return canvas;
    }

    private static BufferedImage decodeWebp(byte[] still, int width, int height, int step) {
        WebPReader reader = new WebPReader(WEBP);
        WebPReadParam param = Objects.requireNonNullElseGet(WEBP_PARAMS.poll(), WebPReadParam::new);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(still))) {
            reader.setInput(input, true, true);
            param.setUseScaling(true);
            param.setScaledWidth(reduced(width, step));
            param.setScaledHeight(reduced(height, step));
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedImage();
        } catch (OutOfMemoryError e) {
            if (isLibwebpStatus(e)) {
                throw new UnsupportedImage();
            }
            throw e;
        } finally {
            reader.dispose();
            WEBP_PARAMS.add(param);
        }
    }

    /**
     * The binding turns libwebp's status "out of memory" into an {@link OutOfMemoryError} with no
     * message, thrown by its own code; libwebp gives that status for corrupt data too (fuzzing found
     * a 436-byte file with a 40x30 alpha plane that gets it). What libwebp may allocate is within the
     * {@link DecodeBudget}, so this is the file refused, not the heap exhausted. A real shortage of
     * heap ("Java heap space") is not caught.
     */
    private static boolean isLibwebpStatus(OutOfMemoryError e) {
        StackTraceElement[] stack = e.getStackTrace();
        return e.getMessage() == null && stack.length > 0
                && stack[0].getClassName().startsWith("com.luciad.imageio.webp.");
    }

    private static BufferedImage decodeWithImageIo(ImageFormat format, byte[] file, int step) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            ImageReader reader = readerFor(format);
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                // The JPEG decoder only warns about a truncated file ("premature end"); for us that
                // is a broken photo. Its other warnings (stray bytes) are common in camera files
                // that decode fine. The PNG decoder throws on broken data.
                reader.addIIOReadWarningListener(new FailOnTruncation());
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new UnsupportedImage();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // The decoders report broken files with all sorts of exceptions; every one means "not a photo".
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

    private static final class FailOnTruncation implements IIOReadWarningListener {
        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                throw new UnsupportedImage();
            }
        }
    }
}
