package catdata.web;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tomcat see how long a small response is. Spring's message converters flush the response
 * (and its stream) after writing a body, which sends it at once as chunked, of unknown length; Tomcat then gzips it
 * however small it is ({@code server.compression.min-response-size} can only judge a known length).
 * Explicit flushes from the application are therefore dropped: a body that fits Tomcat's buffer (8 KB) is sent when the
 * request ends, with a {@code Content-Length}, and a larger one still leaves whenever the buffer
 * fills, so long lists keep streaming.
 */
class SmallBodyLengthFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushIgnoringResponse(response));
    }

    private static final class FlushIgnoringResponse extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        FlushIgnoringResponse(HttpServletResponse response) {
            super(response);
        }

        /** Spring flushes the response, not only its body, after writing a {@code ResponseEntity}. */
        @Override
        public void flushBuffer() {
            // As for the stream: Tomcat sends the buffer when it is full or the response ends.
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new FlushIgnoringStream(super.getOutputStream());
            }
            return body;
        }
    }

    private static final class FlushIgnoringStream extends ServletOutputStream {

        private final ServletOutputStream target;

        FlushIgnoringStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            target.write(buffer);
        }

        @Override
        public void flush() {
            // Tomcat sends the buffer when it is full or the response ends.
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
