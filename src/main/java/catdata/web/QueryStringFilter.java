package catdata.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string must decode to UTF-8 text, on every route. Tomcat only decodes it when a
 * parameter is first read, so a route that reads none would otherwise take {@code ?x=%FF} (and a
 * delete would go ahead); here the raw query is checked up front instead, strictly (no overlong
 * forms, no encoded surrogates, no broken escapes), without reading any body.
 */
@Component
class QueryStringFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Malformed query string.";

    private final JsonErrorWriter errors;

    QueryStringFilter(JsonErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !isUtf8(query)) {
            errors.write(response, HttpStatus.BAD_REQUEST, MESSAGE);
            return;
        }
        if (query != null && JsonBodyLimitFilter.hasNoBody(request)) {
            // The security firewall checks a parameter's name when it is read (a control character
            // is refused); reading them all here makes that so on every route, not only on those
            // that read parameters. Not with a body: that would parse a form or an upload.
            request.getParameterNames().asIterator().forEachRemaining(name -> { });
        }
        chain.doFilter(request, response);
    }

    static boolean isUtf8(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || !isHex(query.charAt(i + 1)) || !isHex(query.charAt(i + 2))) {
                    return false;
                }
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7F) {
                // Tomcat refuses raw bytes over 0x7F in the request line; should one arrive, it is not text.
                return false;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
