package catdata.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what Spring Security's firewall rejects (an encoded {@code %25} or {@code ;} in the URL, a
 * control character in a header or parameter name) with our JSON error, written here rather than
 * through {@code /error}: the error page would read the same bad header again (content
 * negotiation reads {@code Accept}) and fail, leaving an empty body. Spring Security uses the one
 * bean of this type for its filter chain.
 */
@Component
class JsonRequestRejectedHandler implements RequestRejectedHandler {

    static final String MESSAGE =
            "The request URL, a parameter or a header contains characters that are not allowed.";

    private final ErrorWriter errors;

    JsonRequestRejectedHandler(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        errors.write(response, HttpStatus.BAD_REQUEST, MESSAGE);
    }
}
