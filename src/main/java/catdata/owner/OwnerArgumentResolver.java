package catdata.owner;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

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
 * Lets a controller method take an {@link Owner} parameter (or a {@link Caller}, the user alone):
 * the household the request names
 * ({@link RequestedHousehold}) or else the caller's default, checked against the caller's
 * memberships on every request, for the user the security chain has already verified. It is kept
 * on the request, so the owner is worked out once per request.
 */
final class OwnerArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = Owner.class.getName();

    private final Memberships memberships;

    OwnerArgumentResolver(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Owner.class) || parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType().equals(Caller.class)) {
            String sub = verifiedSubject();
            if (memberships.find(sub, Optional.empty()).isEmpty()) {
                memberships.settle(sub);
            }
            return new Caller(sub);
        }
        if (webRequest.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Owner known) {
            return known;
        }
        String sub = verifiedSubject();
        Optional<Long> requested = RequestedHousehold.of(webRequest.getNativeRequest(HttpServletRequest.class));
        Optional<Memberships.Membership> membership = memberships.find(sub, requested);
        if (membership.isEmpty()) {
            // A first call, or a default household that has gone: settled, then looked up again.
            memberships.settle(sub);
            membership = memberships.find(sub, requested);
        }
        Memberships.Membership member = membership.orElseThrow(HouseholdNotFound::new);
        if (member.role() == Role.VIEWER && changes(webRequest.getNativeRequest(HttpServletRequest.class))) {
            throw new RoleRequired(Role.EDITOR, Role.VIEWER);
        }
        Owner owner = new Owner(member.household(), sub);
        webRequest.setAttribute(ATTRIBUTE, owner, RequestAttributes.SCOPE_REQUEST);
        return owner;
    }

    /** Every catalogue call but a read changes something: a viewer may only read. */
    private static boolean changes(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    private static String verifiedSubject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return token.getToken().getSubject();
        }
        // Unreachable behind the filter chain; failing loudly beats serving someone as nobody.
        throw new IllegalStateException("No authenticated caller for an Owner parameter");
    }
}
