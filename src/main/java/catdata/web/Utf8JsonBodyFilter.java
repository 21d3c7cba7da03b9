package catdata.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import catdata.error.ErrorWriter;

/**
 * JSON bodies are UTF-8 (RFC 8259 section 8.1), strictly. Jackson's own decoder lets overlong
 * forms through ({@code C0 AF} reads as {@code /}), so every byte of a JSON body is checked
 * against RFC 3629 as it is read: no overlong forms, no encoded surrogates, nothing above
 * U+10FFFF, no cut-off sequence. A body that fails is refused as a whole, so nothing is written.
 * A JSON body declared in another charset is refused before it is read.
 */
class Utf8JsonBodyFilter extends OncePerRequestFilter {

    static final String NOT_UTF8 = "Request body is not valid UTF-8.";
    static final String OTHER_CHARSET = "JSON request bodies must be UTF-8.";

    private final ErrorWriter errors;

    Utf8JsonBodyFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType type = jsonType(request.getContentType());
        if (type == null) {
            chain.doFilter(request, response);
            return;
        }
        Charset charset = declaredCharset(type);
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            errors.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, OTHER_CHARSET);
            return;
        }
        chain.doFilter(new CheckedBodyRequest(request, new Utf8Check()), response);
    }

    /** The content type if it is JSON (as the JSON reader takes it), else null. */
    private static MediaType jsonType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
            return json && !type.isWildcardType() && !type.isWildcardSubtype() ? type : null;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** The declared charset; an unknown one reads as "not UTF-8". */
    private static Charset declaredCharset(MediaType type) {
        try {
            return type.getCharset();
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Thrown while reading a body that is not UTF-8; recognised by the exception handler. */
    static final class NotUtf8 extends CheckedBodyRequest.Refusal {
        NotUtf8() {
            super(HttpStatus.BAD_REQUEST, NOT_UTF8);
        }
    }

    /** Checks each byte against the well-formed UTF-8 sequences of RFC 3629. */
    private static final class Utf8Check implements CheckedBodyRequest.Check {

        /** Continuation bytes still expected in the current sequence, and the range the next must fall in. */
        private int expected;
        private int low = 0x80;
        private int high = 0xBF;

        @Override
        public void bytes(byte[] buffer, int offset, int length) throws NotUtf8 {
            for (int i = 0; i < length; i++) {
                check(buffer[offset + i] & 0xFF);
            }
        }

        @Override
        public void end() throws NotUtf8 {
            if (expected > 0) {
                throw new NotUtf8();
            }
        }

        private void check(int b) throws NotUtf8 {
            if (expected > 0) {
                if (b < low || b > high) {
                    throw new NotUtf8();
                }
                expected--;
                low = 0x80;
                high = 0xBF;
            } else if (b >= 0x80) {
                start(b);
            }
        }

        /** The first byte of a multi-byte sequence fixes its length and what may follow it. */
        private void start(int b) throws NotUtf8 {
            if (b >= 0xC2 && b <= 0xDF) {
                expected = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                expected = 2;
                if (b == 0xE0) {
                    low = 0xA0;
                } else if (b == 0xED) {
                    high = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                expected = 3;
                if (b == 0xF0) {
                    low = 0x90;
                } else if (b == 0xF4) {
                    high = 0x8F;
                }
            } else {
                throw new NotUtf8();
            }
        }
    }
}
