package catdata.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * With {@code AUTH0_REQUIRED_PERMISSIONS}: an API request is allowed when its token grants the
 * permission its method needs. A refusal says which one, for the 403's {@code scope}.
 */
final class PermissionAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        CatalogPermission needed = CatalogPermission.requiredFor(context.getRequest().getMethod());
        Authentication caller = authentication.get();
        boolean granted = trust.isAuthenticated(caller) && needed.isGrantedTo(caller.getAuthorities());
        return new Decision(granted, needed);
    }

    /** The decision, with the permission that was needed. */
    static final class Decision extends AuthorizationDecision {

        private final CatalogPermission needed;

        Decision(boolean granted, CatalogPermission needed) {
            super(granted);
            this.needed = needed;
        }

        CatalogPermission needed() {
            return needed;
        }
    }
}
