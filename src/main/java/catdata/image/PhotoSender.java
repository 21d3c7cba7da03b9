package catdata.image;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.context.request.ServletWebRequest;

import catdata.storage.LocalFile;
import catdata.storage.OpenedFile;

/**
 * Sends a photo's bytes: {@code 304} to a matching {@code If-None-Match}, one byte range as
 * {@code 206}, and, where the web server can (Tomcat's NIO connector), the file straight from the
 * disk to the socket without passing through the JVM (sendfile), as Tomcat's own DefaultServlet
 * does; otherwise a copy through a stream.
 */
@Component
class PhotoSender {

    /** Set by Tomcat on every request its connector can answer with sendfile. */
    static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";
    /** The absolute path Tomcat sends after the servlet returns, from {@code start} to {@code end} (exclusive). */
    static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    /** A photo's bytes never change (a new photo gets a new id), so browsers may keep it for a year. */
    private static final String IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable()
            .getHeaderValue();

    void send(Download download, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Also answers If-Match (412) and sets the ETag header, as the standard asks, in its order.
        if (new ServletWebRequest(request, response).checkNotModified(download.etag())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            return;
        }
        boolean head = HttpMethod.HEAD.matches(request.getMethod());
        if (!head && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))) {
            Optional<LocalFile> file = download.source().localFile();
            if (file.isPresent()) {
                sendFile(download, file.get(), request, response);
                return;
            }
        }
        copy(download, head, request, response);
    }

    /**
     * Sets the response up and leaves the body to Tomcat, which opens the file by its path once this
     * request's servlet code is done. A delete that comes in between does not harm it: a deleted
     * photo's file stays for a while after its row ({@link PhotoFileRemovals}).
     */
    private static void sendFile(Download download, LocalFile file, HttpServletRequest request,
            HttpServletResponse response) {
        ByteRange bytes = prepare(download, file.size(), requested(download, file.size(), request, response), response);
        request.setAttribute(SENDFILE_FILENAME, file.path().toAbsolutePath().toString());
        request.setAttribute(SENDFILE_START, bytes.start());
        request.setAttribute(SENDFILE_END, bytes.end() + 1);
    }

    /**
     * Opened before the response starts, so a photo deleted by now is a clean 404, and one deleted
     * while it is being copied is still sent whole (an open file outlives its name). The bytes are
     * asked for before the headers are written too: a store that fails to give them (a second
     * request for a range, to a bucket) is still a clean 503.
     */
    private static void copy(Download download, boolean head, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try (OpenedFile file = download.source().open()) {
            Optional<ByteRange> range = requested(download, file.size(), request, response);
            ByteRange sent = range.orElse(new ByteRange(0, file.size() - 1));
            InputStream bytes = head ? null : file.bytes(sent.start(), sent.end());
            prepare(download, file.size(), range, response);
            if (bytes != null) {
                StreamUtils.copy(bytes, response.getOutputStream());
            }
        }
    }

    /**
     * The one range a {@code GET} asks for, if any; {@link RangeNotSatisfiable} (with its
     * {@code Content-Range} already on the response) if it lies beyond the end.
     */
    private static Optional<ByteRange> requested(Download download, long size, HttpServletRequest request,
            HttpServletResponse response) {
        // Range is defined for GET only (RFC 9110 §14.2); a HEAD is answered as a GET without one.
        if (!HttpMethod.GET.matches(request.getMethod())) {
            return Optional.empty();
        }
        try {
            return ByteRange.requested(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE),
                    download.etag(), size);
        } catch (RangeNotSatisfiable e) {
            // The error body comes from the exception handler; this header stays on the response.
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size());
            throw e;
        }
    }

    /** Writes the headers of a {@code 200} or {@code 206}; returns the bytes to send. */
    private static ByteRange prepare(Download download, long size, Optional<ByteRange> range,
            HttpServletResponse response) {
        response.setContentType(download.format().contentType());
        // Never read as anything but the image it is (a polyglot as HTML or script), never saved or
        // shown under a name the client chose.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(download.fileName()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (range.isPresent()) {
            ByteRange part = range.get();
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + part.start() + "-" + part.end() + "/" + size);
            response.setContentLengthLong(part.length());
            return part;
        }
        response.setContentLengthLong(size);
        return new ByteRange(0, size - 1);
    }
}
