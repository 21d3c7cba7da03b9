package catdata.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import catdata.codec.ImageFormat;
import catdata.storage.LocalFile;
import catdata.storage.OpenedFile;
import catdata.support.ApiClient;
import catdata.support.ApiResponse;
import catdata.support.TestPhotos;

/**
 * The sender inside a bare Tomcat, so that what it leaves to Tomcat can be watched: with sendfile,
 * the request carries the file's path and range when the servlet returns and Tomcat sends the bytes
 * itself; without it, the sender copies them. Real connectors, real sockets, a real file.
 */
class PhotoSenderTest {

    private static final String ETAG = "\"abc\"";

    @TempDir
    Path directory;

    private Tomcat tomcat;
    /** What the request carried once the servlet had returned: the sendfile attributes, by request path. */
    private final Map<String, Object[]> leftToTomcat = new ConcurrentHashMap<>();
    /** Files the servlet deletes right after it has answered, before Tomcat sends them. */
    private final Map<String, Path> deleteAfterAnswer = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void withSendfileTomcatSendsTheFileByItsPathAndTheBytesArrive() throws Exception {
        byte[] photo = TestPhotos.cameraJpeg(400, 300);
        Path file = Files.write(directory.resolve("photo.jpg"), photo);
        ApiClient http = new ApiClient(start(true, file));

        ApiResponse whole = http.get("/whole");
        ApiResponse part = http.get("/part", "Range", "bytes=100-199");

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(photo);
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(photo.length));
        assertThat(leftToTomcat.get("/whole"))
                .containsExactly(file.toAbsolutePath().toString(), 0L, (long) photo.length);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(photo, 100, 200));
        assertThat(leftToTomcat.get("/part")).containsExactly(file.toAbsolutePath().toString(), 100L, 200L);
    }

    @Test
    void aTinyFileIsSentByTomcatToo() throws Exception {
        byte[] tiny = {1, 2, 3};
        Path file = Files.write(directory.resolve("tiny.png"), tiny);
        ApiClient http = new ApiClient(start(true, file));

        ApiResponse response = http.get("/tiny");

        assertThat(response.body()).isEqualTo(tiny);
        assertThat(leftToTomcat.get("/tiny")).containsExactly(file.toAbsolutePath().toString(), 0L, 3L);
    }

    @Test
    void withoutSendfileTheBytesAreCopiedThroughTheResponse() throws Exception {
        byte[] photo = TestPhotos.cameraJpeg(400, 300);
        Path file = Files.write(directory.resolve("photo.jpg"), photo);
        ApiClient http = new ApiClient(start(false, file));

        ApiResponse whole = http.get("/whole");
        ApiResponse part = http.get("/part", "Range", "bytes=-50");

        assertThat(whole.body()).isEqualTo(photo);
        assertThat(leftToTomcat.get("/whole")).containsOnlyNulls();
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes " + (photo.length - 50) + "-" + (photo.length - 1)
                + "/" + photo.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(photo, photo.length - 50, photo.length));
    }

    @Test
    void aFileDeletedBeforeTomcatOpensItGivesAResponseCutShortNeverAWholeLookingOne() throws Exception {
        Path file = Files.write(directory.resolve("photo.jpg"), TestPhotos.cameraJpeg(400, 300));
        ApiClient http = new ApiClient(start(true, file));
        deleteAfterAnswer.put("/deleted", file);

        assertThatThrownBy(() -> http.get("/deleted")).isInstanceOf(UncheckedIOException.class);
    }

    /** A Tomcat whose one servlet sends {@code file} with the sender, behind a filter that watches the request. */
    private int start(boolean sendfile, Path file) throws LifecycleException {
        tomcat = new Tomcat();
        tomcat.setSilent(true);
        tomcat.setBaseDir(directory.resolve("tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("useSendfile", String.valueOf(sendfile));
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        StandardContext context = (StandardContext) tomcat.addContext("", directory.toString());
        // Its leak checks need JVM options this test does not need, and only warn without them.
        context.setClearReferencesThreadLocals(false);
        context.setClearReferencesRmiTargets(false);
        Tomcat.addServlet(context, "photo", new PhotoServlet(file));
        context.addServletMappingDecoded("/*", "photo");
        FilterDef watcher = new FilterDef();
        watcher.setFilterName("watcher");
        watcher.setFilter((Filter) (request, response, chain) -> {
            chain.doFilter(request, response);
            leftToTomcat.put(((HttpServletRequest) request).getRequestURI(), new Object[] {
                request.getAttribute(PhotoSender.SENDFILE_FILENAME),
                request.getAttribute(PhotoSender.SENDFILE_START),
                request.getAttribute(PhotoSender.SENDFILE_END)});
        });
        context.addFilterDef(watcher);
        FilterMap everything = new FilterMap();
        everything.setFilterName("watcher");
        everything.addURLPatternDecoded("/*");
        context.addFilterMap(everything);
        tomcat.start();
        return tomcat.getConnector().getLocalPort();
    }

    private final class PhotoServlet extends HttpServlet {

        private final transient Path file;

        PhotoServlet(Path file) {
            this.file = file;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            new PhotoSender().send(new Download(ETAG, ImageFormat.JPEG, "photo.jpg", new Download.Source() {
                @Override
                public Optional<LocalFile> localFile() {
                    return Optional.of(new LocalFile(file.toAbsolutePath(), sizeOf(file)));
                }

                @Override
                public OpenedFile open() {
                    try {
                        return opened(Files.readAllBytes(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }), request, response);
            Path deleted = deleteAfterAnswer.get(request.getRequestURI());
            if (deleted != null) {
                Files.delete(deleted);
            }
        }
    }

    /** The file's bytes, read before the answer as the store's open file would hold them. */
    private static OpenedFile opened(byte[] bytes) {
        return new OpenedFile() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream bytes() {
                return bytes(0, bytes.length - 1);
            }

            @Override
            public InputStream bytes(long start, long end) {
                return new ByteArrayInputStream(bytes, (int) start, (int) (end - start + 1));
            }

            @Override
            public void close() {
                // Nothing was opened.
            }
        };
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
