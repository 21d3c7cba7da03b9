package catdata.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import catdata.error.ErrorWriter;

/**
 * Caps every request body but photo uploads (which have their own limit) at 1 MiB: a catalogue
 * entry is a few hundred bytes, so anything near the cap is a mistake or an attack, and must
 * not be buffered whole. A declared length over the cap is refused at once; a chunked body is
 * cut off when it reaches the cap, and the exception handler turns that into the same 413.
 * Registered as a plain filter, so it runs after authentication.
 */
class JsonBodyLimitFilter extends OncePerRequestFilter {

    static final int MAX_BYTES = 1024 * 1024;
    static final String MESSAGE = "Request body too large (max 1MB).";

    private final ErrorWriter errors;

    JsonBodyLimitFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) || hasNoBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            errors.write(response, HttpStatus.CONTENT_TOO_LARGE, MESSAGE);
            return;
        }
        chain.doFilter(new CheckedBodyRequest(request, new SizeLimit()), response);
    }

    /**
     * Neither a length nor chunks: HTTP/1.1 says there is no body (RFC 9112 §6.3), and Tomcat reads
     * none. Most requests are such reads; each wrapper costs every later call on the request.
     */
    static boolean hasNoBody(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    /** Thrown while reading a body past the cap; recognised by the exception handler. */
    static final class BodyTooLarge extends CheckedBodyRequest.Refusal {
        BodyTooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, MESSAGE);
        }
    }

    /** Counts the bytes read; a body that goes past the cap (a chunked one, say) is cut off there. */
    private static final class SizeLimit implements CheckedBodyRequest.Check {

        private long read;

        @Override
        public void bytes(byte[] buffer, int offset, int length) throws BodyTooLarge {
            read += length;
            if (read > MAX_BYTES) {
                throw new BodyTooLarge();
            }
        }
    }
}
