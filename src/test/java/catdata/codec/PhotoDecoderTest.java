package catdata.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import catdata.support.TestImages;

/**
 * The decoders themselves, beyond what an upload shows: resources they must not keep.
 */
class PhotoDecoderTest {

    /**
     * The WebP binding never frees a read parameter's native decoder options; a new one per decode
     * grew the heap (and native memory) by one for every decode, for good.
     */
    @Test
    void decodingManyWebpsKeepsNoDecoderOptionsPerDecode() throws Exception {
        byte[] webp = TestImages.alphaWebp();
        DeclaredImage declared = DeclaredImage.read(ImageFormat.WEBP, webp, 50_000_000);
        for (int i = 0; i < 5_000; i++) {
            PhotoDecoder.decodeAll(ImageFormat.WEBP, declared, webp, 2);
        }
        assertThat(liveInstances("com.luciad.imageio.webp.WebPDecoderOptions")).isLessThan(100);
    }

    /** Instances of the class on the heap after a full collection, as the JVM's own histogram counts them. */
    private static long liveInstances(String className) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow().replaceAll("java$", "jcmd"),
                String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor()).as(histogram).isZero();
        return histogram.lines().filter(line -> line.endsWith(" " + className)).findFirst()
                .map(line -> Long.parseLong(line.trim().split("\\s+")[1])).orElse(0L);
    }
}
