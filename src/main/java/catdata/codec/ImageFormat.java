package catdata.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.core.io.InputStreamSource;

/** The photo formats we keep, recognised by their first bytes, never by a name or a header. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    WEBP("image/webp", "webp", "webp");

    private final String contentType;
    private final String extension;
    private final String imageIoName;

    ImageFormat(String contentType, String extension, String imageIoName) {
        this.contentType = contentType;
        this.extension = extension;
        this.imageIoName = imageIoName;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    String imageIoName() {
        return imageIoName;
    }

    /** The format of the content's first bytes; what the client called it plays no part. */
    public static Optional<ImageFormat> sniff(InputStreamSource content) throws IOException {
        try (InputStream in = content.getInputStream()) {
            return sniff(in.readNBytes(16));
        }
    }

    /** The format stored as {@code contentType}. */
    public static ImageFormat ofContentType(String contentType) {
        return Arrays.stream(values()).filter(format -> format.contentType.equals(contentType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Not a stored photo type: " + contentType));
    }

    /** The format of a file (or its head) by its first bytes. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
