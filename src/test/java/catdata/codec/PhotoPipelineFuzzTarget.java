package catdata.codec;

import java.io.IOException;
import java.util.Locale;

/**
 * The fuzz targets of {@link PhotoPipelineFuzzTest} for Jazzer's own driver, which
 * {@code fuzz/run.sh} runs for as long as it is asked (the JUnit integration has no documented way
 * to bound each input's time or to name the corpus): the format comes as the target's argument.
 */
public final class PhotoPipelineFuzzTarget {

    private static ImageFormat format;

    private PhotoPipelineFuzzTarget() {
    }

    /** Called by Jazzer once, with {@code --target_args}: {@code jpeg}, {@code png} or {@code webp}. */
    public static void fuzzerInitialize(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("One argument: jpeg, png or webp");
        }
        format = ImageFormat.valueOf(args[0].toUpperCase(Locale.ROOT));
    }

    public static void fuzzerTestOneInput(byte[] upload) throws IOException {
        PhotoPipelineFuzzTest.fuzz(format, upload);
    }
}
