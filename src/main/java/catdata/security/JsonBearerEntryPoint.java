package catdata.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import catdata.error.ErrorWriter;

/**
 * A 401 (400 for an ambiguous request, 403 for a missing permission) with Spring's RFC 6750
 * {@code WWW-Authenticate} header and a JSON body naming the case: the message is the same one the
 * header's {@code error_description} carries.
 */
final class JsonBearerEntryPoint implements AuthenticationEntryPoint {

    static final String NO_TOKEN = "No authorization token was found";

    private final BearerTokenAuthenticationEntryPoint headers = new BearerTokenAuthenticationEntryPoint();
    private final ErrorWriter errors;

    JsonBearerEntryPoint(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        headers.commence(request, response, failure);
        String message = NO_TOKEN;
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            message = oauth.getError().getDescription();
        }
        errors.write(response, HttpStatus.valueOf(response.getStatus()), message);
    }
}
