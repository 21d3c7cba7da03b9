package catdata.owner;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take an {@link Owner} parameter, read from the token the security chain
 * has already verified. It is kept on the request, so the owner is worked out once per request.
 */
final class OwnerArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = Owner.class.getName();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Owner.class);
    }

    @Override
    public Owner resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        if (webRequest.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Owner known) {
            return known;
        }
        Owner owner = fromVerifiedToken();
        webRequest.setAttribute(ATTRIBUTE, owner, RequestAttributes.SCOPE_REQUEST);
        return owner;
    }

    private static Owner fromVerifiedToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return new Owner(token.getToken().getSubject());
        }
        // Unreachable behind the filter chain; failing loudly beats serving someone as nobody.
        throw new IllegalStateException("No authenticated caller for an Owner parameter");
    }
}
