package catdata.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import catdata.error.ErrorWriter;

/**
 * A valid token without the permission a request needs: 403 with RFC 6750's
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="..."} naming the permission,
 * written by the same entry point as the 401s. Any other refusal is a plain 403.
 */
final class PermissionDeniedHandler implements AccessDeniedHandler {

    private final AuthenticationEntryPoint entryPoint;
    private final ErrorWriter errors;

    PermissionDeniedHandler(AuthenticationEntryPoint entryPoint, ErrorWriter errors) {
        this.entryPoint = entryPoint;
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof AuthorizationDeniedException refusal
                && refusal.getAuthorizationResult() instanceof PermissionAuthorization.Decision decision) {
            String permission = decision.needed().permissionName();
            BearerTokenError error = new BearerTokenError(BearerTokenErrorCodes.INSUFFICIENT_SCOPE,
                    HttpStatus.FORBIDDEN, "This request needs the permission " + permission + ".", null, permission);
            entryPoint.commence(request, response, new OAuth2AuthenticationException(error));
            return;
        }
        errors.write(response, HttpStatus.FORBIDDEN, "Access denied.");
    }
}
