package catdata.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import catdata.error.ErrorWriter;
import catdata.error.ServiceUnavailable;

/**
 * What a failed bearer authentication answers. A bad token goes to the entry point (401). A token
 * that could not be checked at all, because no usable signing keys can be had from the issuer, is
 * our dependency's failure, not the client's: 503 with {@code Retry-After}, as for any part we
 * depend on being down. Spring's default would rethrow it and answer 500. A flood of made-up key
 * ids is answered later while real callers wait ({@link FloodBrake}).
 */
final class BearerFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationEntryPoint entryPoint;
    private final ErrorWriter errors;
    private final FloodBrake brake;

    BearerFailureHandler(AuthenticationEntryPoint entryPoint, ErrorWriter errors, FloodBrake brake) {
        this.entryPoint = entryPoint;
        this.errors = errors;
        this.brake = brake;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException, ServletException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ServiceUnavailable.RETRY_AFTER_SECONDS));
            errors.write(response, HttpStatus.SERVICE_UNAVAILABLE, ServiceUnavailable.MESSAGE);
            return;
        }
        if (brake.holdsBack(request, failure)) {
            brake.answerLater(request, response, (later, answer) -> entryPoint.commence(later, answer, failure));
            return;
        }
        entryPoint.commence(request, response, failure);
    }
}
