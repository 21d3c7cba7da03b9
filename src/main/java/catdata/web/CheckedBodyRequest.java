package catdata.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.HttpStatus;

import catdata.error.ExplainedFailure;

/**
 * A request whose body passes through a check while it is read, so a body can be refused (too
 * large, not UTF-8) without first being held whole. The filters that refuse bodies share this
 * plumbing and differ only in their {@link Check}.
 */
final class CheckedBodyRequest extends HttpServletRequestWrapper {

    /** Sees every chunk of the body as it is read, and its end; throws to refuse the body. */
    interface Check {
        void bytes(byte[] buffer, int offset, int length) throws IOException;

        default void end() throws IOException {
        }
    }

    /**
     * What a check throws to stop reading a body. It reaches the exception handler inside Spring's
     * "not readable", which answers with this status and message.
     */
    static class Refusal extends IOException implements ExplainedFailure {

        private final HttpStatus status;

        Refusal(HttpStatus status, String reason) {
            super(reason);
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }

        @Override
        public String reason() {
            return getMessage();
        }
    }

    private final Check check;
    private ServletInputStream checked;

    CheckedBodyRequest(HttpServletRequest request, Check check) {
        super(request);
        this.check = check;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (checked == null) {
            checked = new CheckedInputStream(super.getInputStream(), check);
        }
        return checked;
    }

    private static final class CheckedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final Check check;
        private final byte[] single = new byte[1];

        CheckedInputStream(ServletInputStream in, Check check) {
            this.in = in;
            this.check = check;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                check.end();
            } else {
                single[0] = (byte) b;
                check.bytes(single, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                check.end();
            } else if (n > 0) {
                check.bytes(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
