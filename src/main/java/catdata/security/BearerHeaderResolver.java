package catdata.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Finds the bearer token in the one place we take it from: {@code Authorization: Bearer <token>},
 * the scheme in any case, exactly one space, then the token (RFC 6750's {@code b64token}). Another
 * scheme ({@code Basic ...}) is no token at all. A request carrying two credentials is refused as
 * ambiguous: two {@code Authorization} headers, or a header and an {@code access_token} query
 * parameter. A token only in the query string is ignored, as are form bodies: the query string is
 * read here by hand, because {@code getParameter} would read (and consume) a form body.
 */
final class BearerHeaderResolver implements BearerTokenResolver {

    static final String MALFORMED = "Bearer token is malformed";
    static final String TWO_HEADERS = "Found more than one Authorization header";
    static final String TWO_TOKENS = "Found a bearer token both in the Authorization header and in the query string";

    private static final String SCHEME = "Bearer";
    private static final String QUERY_PARAMETER = "access_token";

    @Override
    public String resolve(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.size() > 1) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(TWO_HEADERS));
        }
        if (headers.isEmpty()) {
            return null;
        }
        String token = bearerToken(headers.get(0));
        if (token != null && hasQueryToken(request.getQueryString())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(TWO_TOKENS));
        }
        return token;
    }

    private static String bearerToken(String header) {
        int end = 0;
        while (end < header.length() && header.charAt(end) != ' ' && header.charAt(end) != '\t') {
            end++;
        }
        if (!header.substring(0, end).equalsIgnoreCase(SCHEME)) {
            return null;
        }
        String rest = header.substring(end);
        if (!rest.startsWith(" ") || !isB64Token(rest, 1)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(MALFORMED));
        }
        return rest.substring(1);
    }

    /**
     * RFC 6750's {@code b64token} from {@code start} to the end: {@code [A-Za-z0-9._~+/-]+=*}. A loop
     * rather than a regular expression, as it runs over the whole token on every request.
     */
    static boolean isB64Token(String text, int start) {
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasQueryToken(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (QUERY_PARAMETER.equals(decode(name))) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
