package catdata.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;

import catdata.error.InvalidInput;
import catdata.storage.ImageStore;

/**
 * Receives the archive of {@code POST /api/import} from the multipart field {@code file}, streaming it
 * to a file in this instance's upload buffers: memory holds one buffer whatever the archive's size.
 *
 * <p>The body is parsed here, not by the web server as for photos, because the server's multipart
 * limits are one setting for all routes, and they are a photo's ({@code MAX_UPLOAD_SIZE}). The
 * parser is the one the web server itself uses (Tomcat's copy of Commons FileUpload), so an import is
 * read by the same rules as an upload, within {@link ImportProperties#maxUpload()}.
 */
@Component
class ArchiveUploads {

    static final String FIELD = "file";
    /** The archive, and room for a form's other fields; past that the body is not an import. */
    private static final int MAX_PARTS = 10;
    private static final int BUFFER = 64 * 1024;

    private final ImageStore store;
    private final ImportProperties limits;

    ArchiveUploads(ImageStore store, ImportProperties limits) {
        this.store = store;
        this.limits = limits;
    }

    SpooledArchive receive(HttpServletRequest request) throws IOException {
        FileUpload parser = new FileUpload();
        parser.setSizeMax(limits.maxUpload());
        parser.setFileCountMax(MAX_PARTS);
        SpooledArchive archive = null;
        try {
            FileItemIterator parts = parser.getItemIterator(new ServletRequestContext(request));
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                if (!FIELD.equals(part.getFieldName())) {
                    part.openStream().transferTo(OutputStream.nullOutputStream());
                } else if (archive != null) {
                    throw new InvalidInput("Send one archive, in the multipart field '" + FIELD + "'.");
                } else {
                    archive = spool(part);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (archive != null) {
                archive.close();
            }
            throw refusal(e);
        }
        if (archive == null) {
            throw new InvalidInput("No archive was sent: put it in the multipart field '" + FIELD + "'.");
        }
        return archive;
    }

    /** Reading the request and writing the file fail apart: the first is the client's doing, the second ours. */
    private SpooledArchive spool(FileItemStream part) throws IOException {
        SpooledArchive archive = new SpooledArchive(Files.createTempFile(store.uploadBuffer(), "import-", ".zip"));
        try (InputStream in = part.openStream(); OutputStream out = Files.newOutputStream(archive.path())) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new SpoolFailed(e);
                }
            }
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
        return archive;
    }

    private RuntimeException refusal(Exception e) {
        if (e instanceof SpoolFailed failed) {
            return new UncheckedIOException(failed.writing);
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeException) {
                return new ArchiveTooLarge("The upload is larger than an archive of " + limits.describeMaxSize()
                        + " (MAX_IMPORT_SIZE) can be.");
            }
        }
        return new MultipartException("Malformed multipart request", e);
    }

    /** Writing the upload to disk failed: not the client's doing. */
    private static final class SpoolFailed extends IOException {

        private final IOException writing;

        SpoolFailed(IOException writing) {
            super(writing);
            this.writing = writing;
        }
    }
}
