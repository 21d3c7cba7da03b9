package catdata.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;

/**
 * What a request must be to be looked at at all, in one place: its method, the size of its
 * headers, the characters of its header names and values and of its parameter names, its path
 * (Spring Security's strict rules: no encoded slash, period, percent or semicolon, no {@code ..})
 * and its query string (UTF-8). Tomcat applies the size, Spring Security's firewall the characters,
 * methods and path, {@link QueryStringFilter} the query string; {@link ReadAllHeadersFirst} and
 * {@code QueryStringFilter} make the firewall look at every header and parameter name up front.
 */
@Configuration(proxyBeanMethods = false)
public class RequestFirewall {

    /** The methods the API answers; anything else is refused before routing. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /**
     * Room for a bearer token of up to 8 KiB (the longest the service accepts, with its own 401
     * beyond) beside the other headers; Tomcat's default of 8 KB would refuse such a request with a
     * bare 400.
     */
    static final DataSize MAX_HEADER_SIZE = DataSize.ofKilobytes(16);

    /** Spring's firewall, with the header rules checked without regular expressions. */
    @Bean
    WebSecurityCustomizer requestFirewallRules() {
        return web -> web.httpFirewall(firewall());
    }

    /** Declared without an order, so it runs after Boot's own Tomcat settings. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestHeaderSizeLimit() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxHttpRequestHeaderSize((int) MAX_HEADER_SIZE.toBytes());
            }
        });
    }

    /**
     * The header and parameter-name rules are checked by a loop instead of the regular expressions
     * Spring ships with ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values the same with a
     * tab allowed): the firewall checks every header each time it is read, so the bearer token (a
     * kilobyte) went through a regular expression on every request. Same rules, same refusals.
     */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(METHODS);
        firewall.setAllowedHeaderNames(RequestFirewall::isAllowedName);
        firewall.setAllowedHeaderValues(RequestFirewall::isAllowedValue);
        firewall.setAllowedParameterNames(RequestFirewall::isAllowedName);
        return firewall;
    }

    /** Assigned code points that are not control characters. */
    static boolean isAllowedName(String text) {
        return allAllowed(text, false);
    }

    /** As names, and a tab too (it may separate words in a header value). */
    static boolean isAllowedValue(String text) {
        return allAllowed(text, true);
    }

    private static boolean allAllowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length();) {
            char c = text.charAt(i);
            // Printable ASCII, nearly every character of every header (a bearer token is a kilobyte of
            // it), is assigned and not a control character: no Unicode table lookup for it.
            if (c >= ' ' && c < 0x7F) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /**
     * A raw query string decodes to UTF-8 text, strictly: no overlong forms, no encoded surrogates,
     * no broken escapes.
     */
    static boolean isUtf8Query(String query) {
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
